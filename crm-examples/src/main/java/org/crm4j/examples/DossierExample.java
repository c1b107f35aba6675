package org.crm4j.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;

/**
 * Dossiers (M-2) in one page: a competitor's firm dossier, the dossier of its commercial director who works there,
 * a product and its analogue; a call in which a client told of the competitor's price cut becomes a dated, sourced
 * fact of the competitor's timeline; dossiers found by a word of their name and by tag, and a link that breaks
 * the kind rules refused.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.DossierExample}
 */
public final class DossierExample {
    private DossierExample() {
    }

    public static void main(String[] args) {
        Crm crm = Crm.builder().zone(ZoneId.of("Europe/Moscow")).build();
        ClientCard client = crm.clients().register(ClientForm.organisation("Рога и копыта").legalForm("ООО")
                .inn("7707083893").kpp("773601001").phone("8 (495) 123-45-67").build());

        Dossier rival = crm.dossiers().open(DossierKind.FIRM, "ООО «Ромашка-Трейд»",
                "Конкурент в опте, Москва и область", List.of("конкурент", "опт"));
        Dossier director = crm.dossiers().open(DossierKind.PERSON, "Петров Пётр Семёнович",
                "Коммерческий директор «Ромашки», решает по ценам сам", List.of("ЛПР"));
        crm.dossiers().link(director.id(), DossierLinkType.WORKS_AT, rival.id());
        Dossier ours = crm.dossiers().open(DossierKind.PRODUCT, "Кофемашина K-100", null, List.of("кофе"));
        Dossier theirs = crm.dossiers().open(DossierKind.PRODUCT, "CoffeeMaster 3000", "Продаёт «Ромашка»",
                List.of("кофе"));
        crm.dossiers().link(theirs.id(), DossierLinkType.ANALOGUE_OF, ours.id());
        Dossier ourClient = crm.dossiers().open(DossierKind.FIRM, "Рога и копыта", null, List.of("опт"));
        crm.dossiers().attachClient(ourClient.id(), client.id());

        // 21:40 UTC is 00:40 the next day in Moscow: the fact is dated by the Moscow day of the call.
        Interaction call = crm.interactions().record(Interaction.builder()
                .id(InteractionId.of(UUID.randomUUID())).externalId("pbx-20260302-0042").type("call-in")
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(Instant.parse("2026-03-02T21:40:00Z"))
                .manager(EmployeeId.of("anna.smirnova")).client(client.id())
                .subject("Просят скидку: у «Ромашки» дешевле").recordedAt(Instant.parse("2026-03-02T21:52:00Z"))
                .build()).interaction();
        crm.dossiers().recordFact(rival.id(), LocalDate.of(2026, 2, 20), "Открыла склад в Подольске",
                "Коммерсантъ 2026-02-21", List.of("склад"), EmployeeId.of("head.of.sales"));
        DossierFact told = crm.dossiers().recordFromInteraction(rival.id(), call.id(),
                "Ромашка снизила оптовые цены на кофемашины на 7% с 1 марта", List.of("цены"));

        System.out.println("Timeline of " + rival.subject() + ":");
        for (DossierFact fact : crm.dossiers().timeline(rival.id(), null, 10)) {
            System.out.println("  " + fact.date() + "  " + fact.text() + "  [" + fact.source() + "]"
                    + (fact.interaction() != null ? " from interaction " + fact.interaction() : "")
                    + " tags " + fact.tags());
        }
        System.out.println("Recorded by " + told.recordedBy() + ", dated " + told.date() + " (Moscow)");
        System.out.println("Works at " + rival.subject() + ": " + crm.dossiers()
                .linkingTo(rival.id(), DossierLinkType.WORKS_AT, 10).stream().map(Dossier::subject).toList());
        System.out.println("Analogues of " + ours.subject() + ": " + crm.dossiers()
                .linkingTo(ours.id(), DossierLinkType.ANALOGUE_OF, 10).stream().map(Dossier::subject).toList());
        System.out.println("Search 'трейд': " + crm.dossiers().search("трейд", null, 10).stream()
                .map(Dossier::subject).toList());
        System.out.println("Search 'СЕМЕН' among people: " + crm.dossiers().search("СЕМЕН", DossierKind.PERSON, 10)
                .stream().map(Dossier::subject).toList());
        System.out.println("Tagged 'опт': " + crm.dossiers().withTag("Опт", 10).stream().map(Dossier::subject)
                .toList());
        System.out.println("Dossiers of client " + client.name() + ": " + crm.dossiers().ofClient(client.id())
                .stream().map(Dossier::subject).toList());

        try {
            crm.dossiers().link(ours.id(), DossierLinkType.WORKS_AT, rival.id());
        } catch (ValidationException e) {
            System.out.println("Refused, nothing changed: " + e.field() + " [" + e.violationCode() + "] "
                    + e.first().message());
        }
    }
}
