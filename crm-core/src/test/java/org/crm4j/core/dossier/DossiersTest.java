package org.crm4j.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEvent;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.NotFoundException;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierNotFoundException;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.crm4j.tck.Refusals;

class DossiersTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final List<CrmEvent> events = new ArrayList<>();
    private SettableClock clock;
    private Crm crm;
    private Dossiers dossiers;

    @BeforeEach
    void setUp() {
        clock = SettableClock.at(Instant.parse("2026-03-02T09:15:30.123456789Z"));
        crm = Crm.builder().clock(clock).zone(MOSCOW).listener(events::add).build();
        crm.storage().clients().save(ClientFixture.organisation(1));
        dossiers = crm.dossiers();
    }

    private Interaction call(int n, Instant at) {
        Interaction call = Interaction.builder().id(InteractionId.of(new UUID(0x77, n))).type("call-in")
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(at).manager(EmployeeId.of("anna"))
                .client(ClientFixture.id(1)).subject("Запрос прайс-листа").recordedAt(at).build();
        return crm.interactions().record(call).interaction();
    }

    @Test
    @DisplayName("a firm dossier is opened, found by a word of its name in any case, and by its tag")
    void openAndFind() {
        Dossier firm = dossiers.open(DossierKind.FIRM, "ООО «Ромашка-Трейд»", "Конкурент по опту",
                List.of("Конкурент", "опт"));

        assertThat(firm.version()).isEqualTo(1);
        assertThat(firm.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123456Z"));
        assertThat(dossiers.search("трейд", null, 10)).containsExactly(firm);
        assertThat(dossiers.search("РОМАШ", DossierKind.FIRM, 10)).containsExactly(firm);
        assertThat(dossiers.search("ромаш", DossierKind.PRODUCT, 10)).isEmpty();
        assertThat(dossiers.withTag(" КОНКУРЕНТ ", 10)).containsExactly(firm);
        assertThat(dossiers.get(firm.id())).isEqualTo(firm);
        assertThat(events).containsExactly(new DossierEvent.DossierOpened(firm.id(), DossierKind.FIRM,
                firm.createdAt()));
    }

    @Test
    @DisplayName("a bad subject and a bad tag are refused together, and nothing is opened")
    void badDossier() {
        ValidationException e = Refusals.refusal(() -> dossiers.open(DossierKind.PERSON, " ", null,
                List.of("ok", "no way!")));

        assertThat(e.violations()).extracting(v -> v.field() + " " + v.code())
                .containsExactly("subject dossier.subject", "tags tag.format");
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a person works at a firm: the firm's dossier finds who works there")
    void worksAt() {
        Dossier firm = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        Dossier petrov = dossiers.open(DossierKind.PERSON, "Петров Пётр", "Коммерческий директор", List.of());

        Dossier linked = dossiers.link(petrov.id(), DossierLinkType.WORKS_AT, firm.id());
        Dossier again = dossiers.link(petrov.id(), DossierLinkType.WORKS_AT, firm.id());

        assertThat(linked.links()).containsExactly(DossierLink.of(DossierLinkType.WORKS_AT, firm.id()));
        assertThat(linked.version()).isEqualTo(2);
        assertThat(again).isEqualTo(linked);
        assertThat(dossiers.linkingTo(firm.id(), DossierLinkType.WORKS_AT, 10)).containsExactly(linked);
        assertThat(events).filteredOn(DossierEvent.DossierLinked.class::isInstance).hasSize(1);

        Dossier unlinked = dossiers.unlink(petrov.id(), DossierLinkType.WORKS_AT, firm.id());
        assertThat(unlinked.links()).isEmpty();
        assertThat(dossiers.linkingTo(firm.id(), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("links breaking the kind rules, to itself or to nothing are refused and change nothing")
    void badLinks() {
        Dossier firm = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        Dossier product = dossiers.open(DossierKind.PRODUCT, "Кофемашина K-100", null, List.of());
        DossierId nowhere = DossierId.of(new UUID(9, 9));

        Refusals.refused(() -> dossiers.link(product.id(), DossierLinkType.WORKS_AT, firm.id()), "type",
                "dossier.link-kind", "WORKS_AT");
        Refusals.refused(() -> dossiers.link(firm.id(), DossierLinkType.COMPETITOR_OF, product.id()), "type",
                "dossier.link-kind", "COMPETITOR_OF");
        Refusals.refused(() -> dossiers.link(firm.id(), DossierLinkType.COMPETITOR_OF, firm.id()), "target",
                "dossier.link-self", firm.id().toString());
        assertThatThrownBy(() -> dossiers.link(firm.id(), DossierLinkType.SUPPLIER_OF, nowhere))
                .isInstanceOfSatisfying(DossierNotFoundException.class,
                        e -> assertThat(e.dossierId()).isEqualTo(nowhere));
        assertThatThrownBy(() -> dossiers.link(nowhere, DossierLinkType.SUPPLIER_OF, firm.id()))
                .isInstanceOf(DossierNotFoundException.class);

        assertThat(dossiers.get(firm.id())).isEqualTo(firm);
        assertThat(dossiers.get(product.id())).isEqualTo(product);
    }

    @Test
    @DisplayName("analogues and substitutes link products; competitors and suppliers link firms")
    void productAndFirmLinks() {
        Dossier ours = dossiers.open(DossierKind.PRODUCT, "Кофемашина K-100", null, List.of());
        Dossier theirs = dossiers.open(DossierKind.PRODUCT, "CoffeeMaster 3000", null, List.of());
        Dossier capsules = dossiers.open(DossierKind.PRODUCT, "Капсульная кофеварка", null, List.of());
        Dossier maker = dossiers.open(DossierKind.FIRM, "Кофе-Трейд", null, List.of());
        Dossier rival = dossiers.open(DossierKind.FIRM, "Кофе-Импорт", null, List.of());

        dossiers.link(theirs.id(), DossierLinkType.ANALOGUE_OF, ours.id());
        dossiers.link(capsules.id(), DossierLinkType.SUBSTITUTE_FOR, ours.id());
        dossiers.link(rival.id(), DossierLinkType.COMPETITOR_OF, maker.id());
        Dossier supplier = dossiers.link(rival.id(), DossierLinkType.SUPPLIER_OF, maker.id());

        assertThat(supplier.links()).hasSize(2);
        assertThat(dossiers.linkingTo(ours.id(), null, 10)).extracting(Dossier::id)
                .containsExactly(theirs.id(), capsules.id());
        assertThat(dossiers.linkingTo(ours.id(), DossierLinkType.SUBSTITUTE_FOR, 10)).extracting(Dossier::id)
                .containsExactly(capsules.id());
        assertThat(dossiers.linkingTo(maker.id(), DossierLinkType.COMPETITOR_OF, 10)).containsExactly(supplier);
    }

    @Test
    @DisplayName("eight threads linking one firm to eight rivals at once leave all eight links")
    void concurrentLinks() throws Exception {
        Dossier hub = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        List<Dossier> rivals = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            rivals.add(dossiers.open(DossierKind.FIRM, "Соперник " + n, null, List.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Dossier>> done = new ArrayList<>();
        for (Dossier rival : rivals) {
            done.add(pool.submit(() -> {
                start.await();
                return dossiers.link(hub.id(), DossierLinkType.COMPETITOR_OF, rival.id());
            }));
        }
        start.countDown();
        for (Future<Dossier> f : done) {
            f.get();
        }
        pool.shutdown();

        Dossier linked = dossiers.get(hub.id());
        assertThat(linked.targets(DossierLinkType.COMPETITOR_OF))
                .containsExactlyInAnyOrderElementsOf(rivals.stream().map(Dossier::id).toList());
        assertThat(linked.version()).isEqualTo(9);
    }

    @Test
    @DisplayName("a dossier is attached to a stored client card only")
    void attachClients() {
        Dossier firm = dossiers.open(DossierKind.FIRM, "Рога и копыта", null, List.of());
        ClientId unknown = ClientFixture.id(42);

        Dossier attached = dossiers.attachClient(firm.id(), ClientFixture.id(1));
        assertThatThrownBy(() -> dossiers.attachClient(firm.id(), unknown))
                .isInstanceOfSatisfying(ClientNotFoundException.class, e -> assertThat(e.clientId()).isEqualTo(unknown));

        assertThat(attached.clients()).containsExactly(ClientFixture.id(1));
        assertThat(dossiers.ofClient(ClientFixture.id(1))).containsExactly(attached);
        assertThat(dossiers.get(firm.id())).isEqualTo(attached);
        assertThat(dossiers.detachClient(firm.id(), ClientFixture.id(1)).clients()).isEmpty();
        assertThat(dossiers.ofClient(ClientFixture.id(1))).isEmpty();
    }

    @Test
    @DisplayName("an edit from a stale version is refused and changes nothing; renaming re-indexes the search")
    void staleEdit() {
        Dossier v1 = dossiers.open(DossierKind.PERSON, "Иванов", null, List.of("лпр"));
        Dossier v2 = dossiers.rename(v1.id(), v1.version(), "Иванов Иван Иванович");

        assertThatThrownBy(() -> dossiers.retag(v1.id(), v1.version(), List.of("уволен")))
                .isInstanceOf(ConcurrentModificationException.class);
        Dossier v3 = dossiers.describe(v2.id(), v2.version(), "Ушёл в «Ромашку»");

        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.tags()).containsExactly("лпр");
        assertThat(dossiers.search("иван", null, 10)).containsExactly(v3);
        assertThat(dossiers.withTag("уволен", 10)).isEmpty();
    }

    @Test
    @DisplayName("a call that told of a competitor's price change becomes a fact dated by the call's day in Moscow")
    void factFromACall() {
        Dossier rival = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        // 21:30 UTC on 2 March is 00:30 on 3 March in Moscow.
        Interaction late = call(1, Instant.parse("2026-03-02T21:30:00Z"));
        clock.advance(Duration.ofHours(14));

        DossierFact fact = dossiers.recordFromInteraction(rival.id(), late.id(),
                "Ромашка снижает опт на 7% с 1 апреля", List.of("Цены"));

        assertThat(fact.date()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(fact.source()).isEqualTo("call-in: Запрос прайс-листа");
        assertThat(fact.interaction()).isEqualTo(late.id());
        assertThat(fact.recordedBy()).isEqualTo(EmployeeId.of("anna"));
        assertThat(fact.tags()).containsExactly("цены");
        assertThat(fact.recordedAt()).isEqualTo(Instant.parse("2026-03-02T23:15:30.123456Z"));
        assertThat(dossiers.timeline(rival.id(), null, 10)).containsExactly(fact);
        assertThat(events).contains(new DossierEvent.FactRecorded(rival.id(), fact.id(), late.id(),
                fact.recordedAt()));

        DossierFact inUtc = dossiers.recordFromInteraction(rival.id(), late.id(), "То же, по UTC", List.of(),
                ZoneId.of("UTC"), EmployeeId.of("boris"));
        assertThat(inUtc.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(inUtc.recordedBy()).isEqualTo(EmployeeId.of("boris"));
        assertThat(dossiers.factsFrom(late.id())).containsExactly(fact, inUtc);
    }

    @Test
    @DisplayName("a fact from an unknown interaction or for an unknown dossier is refused and nothing is recorded")
    void factRefusals() {
        Dossier rival = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        Interaction call = call(2, Instant.parse("2026-03-01T10:00:00Z"));
        DossierId nowhere = DossierId.of(new UUID(8, 8));

        assertThatThrownBy(() -> dossiers.recordFromInteraction(rival.id(), InteractionId.of(new UUID(1, 1)),
                "текст", List.of()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.aggregate()).isEqualTo("interaction"));
        assertThatThrownBy(() -> dossiers.recordFromInteraction(nowhere, call.id(), "текст", List.of()))
                .isInstanceOf(DossierNotFoundException.class);
        assertThatThrownBy(() -> dossiers.recordFact(nowhere, LocalDate.of(2026, 3, 1), "текст", "газета",
                List.of(), null)).isInstanceOf(DossierNotFoundException.class);
        ValidationException e = Refusals.refusal(() -> dossiers.recordFact(rival.id(), LocalDate.of(2026, 3, 1),
                "", " ", List.of("#"), null));
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("text", "source", "tags");

        assertThat(dossiers.timeline(rival.id(), null, 10)).isEmpty();
        assertThat(events).noneMatch(DossierEvent.FactRecorded.class::isInstance);
    }

    @Test
    @DisplayName("a timeline is read newest first, a page at a time, by the cursor of the last fact")
    void timelinePages() {
        Dossier firm = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
        List<DossierFact> recorded = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            clock.advance(Duration.ofMinutes(1));
            recorded.add(dossiers.recordFact(firm.id(), LocalDate.of(2026, 2, day), "Факт " + day,
                    "Коммерсантъ 2026-02-0" + day, Set.of("пресса"), EmployeeId.of("anna")));
        }

        List<DossierFact> first = dossiers.timeline(firm.id(), null, 2);
        List<DossierFact> second = dossiers.timeline(firm.id(), first.get(1).cursor(), 2);
        List<DossierFact> third = dossiers.timeline(firm.id(), second.get(1).cursor(), 2);

        assertThat(first).containsExactly(recorded.get(4), recorded.get(3));
        assertThat(second).containsExactly(recorded.get(2), recorded.get(1));
        assertThat(third).containsExactly(recorded.get(0));
        assertThat(dossiers.timeline(DossierId.of(new UUID(3, 3)), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("an empty search text and a limit out of range are refused together")
    void badSearch() {
        ValidationException e = Refusals.refusal(() -> dossiers.search(" «» ", null, 0));

        assertThat(e.violations()).extracting(v -> v.field() + " " + v.code())
                .containsExactly("text search.text-empty", "limit search.limit");
        Refusals.refused(() -> dossiers.withTag("два слова!", 10), "tag", "tag.format", "два слова!");
    }
}
