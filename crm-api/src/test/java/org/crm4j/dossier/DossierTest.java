package org.crm4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DossierTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final DossierId ID = DossierId.of(new UUID(1, 1));
    private static final DossierId OTHER = DossierId.of(new UUID(1, 2));

    private static Dossier firm(String subject) {
        return Dossier.open(ID, DossierKind.FIRM, subject, null, List.of(), T);
    }

    @Test
    @DisplayName("a subject is stripped and has 1 to 200 characters; a summary at most 4000")
    void subjectAndSummary() {
        assertThat(firm("  Ромашка ").subject()).isEqualTo("Ромашка");
        assertThat(firm("я".repeat(200)).subject()).hasSize(200);
        refused(() -> firm("я".repeat(201)), "subject", "dossier.subject", "я".repeat(201), "1 to 200");
        refused(() -> firm(" \t"), "subject", "dossier.subject", " \t");
        refused(() -> firm(null), "subject", "dossier.subject", null);
        assertThat(firm("A").withSummary("  ", T).summary()).isNull();
        assertThat(firm("A").withSummary("ы".repeat(4000), T).summary()).hasSize(4000);
        refused(() -> firm("A").withSummary("ы".repeat(4001), T), "summary", "dossier.summary", "4001");
    }

    @Test
    @DisplayName("tags are normalised and sorted; a bad tag and too many tags are refused, each named")
    void tags() {
        Dossier tagged = firm("A").withTags(List.of(" Снижение  цен ", "ЁЛКА", "b2b", "снижение-цен"), T);

        assertThat(tagged.tags()).containsExactly("b2b", "елка", "снижение-цен");
        ValidationException e = refusal(() -> firm("A").withTags(List.of("ok", "#hash", "-dash", ""), T));
        assertThat(e.violations()).extracting(v -> v.field() + " " + v.code() + " " + v.rejectedValue())
                .containsExactly("tags tag.format #hash", "tags tag.format -dash", "tags tag.format ");
        Set<String> many = new HashSet<>();
        for (int i = 0; i <= Dossier.MAX_TAGS; i++) {
            many.add("t" + i);
        }
        refused(() -> firm("A").withTags(many, T), "tags", "tag.count", String.valueOf(Dossier.MAX_TAGS + 1));
        refused(() -> firm("A").withTags(List.of("x".repeat(65)), T), "tags", "tag.format", "x".repeat(65));
        assertThat(DossierTags.isTag("x".repeat(64))).isTrue();
        assertThat(DossierTags.isTag("Upper")).isFalse();
    }

    @Test
    @DisplayName("a link must start from the dossier's kind and not point to itself")
    void links() {
        Dossier person = Dossier.open(ID, DossierKind.PERSON, "Петров", null, List.of(), T);

        assertThat(person.withLinks(Set.of(DossierLink.of(DossierLinkType.WORKS_AT, OTHER)), T).links())
                .containsExactly(DossierLink.of(DossierLinkType.WORKS_AT, OTHER));
        refused(() -> person.withLinks(Set.of(DossierLink.of(DossierLinkType.WORKS_AT, ID)), T), "links",
                "dossier.link-self", "WORKS_AT " + ID);
        refused(() -> person.withLinks(Set.of(DossierLink.of(DossierLinkType.COMPETITOR_OF, OTHER)), T), "links",
                "dossier.link-kind", "COMPETITOR_OF " + OTHER, "FIRM", "PERSON");
        assertThat(person.withLinks(Set.of(DossierLink.of(DossierLinkType.WORKS_AT, OTHER)), T)
                .targets(DossierLinkType.WORKS_AT)).containsExactly(OTHER);
    }

    @Test
    @DisplayName("every link type links one kind to one kind")
    void linkTypes() {
        assertThat(DossierLinkType.WORKS_AT.allows(DossierKind.PERSON, DossierKind.FIRM)).isTrue();
        assertThat(DossierLinkType.WORKS_AT.allows(DossierKind.FIRM, DossierKind.PERSON)).isFalse();
        assertThat(DossierLinkType.COMPETITOR_OF.allows(DossierKind.FIRM, DossierKind.FIRM)).isTrue();
        assertThat(DossierLinkType.SUPPLIER_OF.allows(DossierKind.FIRM, DossierKind.FIRM)).isTrue();
        assertThat(DossierLinkType.ANALOGUE_OF.allows(DossierKind.PRODUCT, DossierKind.PRODUCT)).isTrue();
        assertThat(DossierLinkType.SUBSTITUTE_FOR.allows(DossierKind.PRODUCT, DossierKind.FIRM)).isFalse();
    }

    @Test
    @DisplayName("too many clients, a negative version and missing ids are refused")
    void limits() {
        Set<ClientId> clients = new HashSet<>();
        for (int i = 0; i <= Dossier.MAX_CLIENTS; i++) {
            clients.add(ClientId.of(new UUID(2, i)));
        }
        refused(() -> firm("A").withClients(clients, T), "clients", "dossier.clients-count",
                String.valueOf(Dossier.MAX_CLIENTS + 1));
        refused(() -> firm("A").withVersion(-1), "version", "version.negative", "-1");
        assertThatThrownBy(() -> Dossier.open(null, DossierKind.FIRM, "A", null, List.of(), T))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Dossier.open(ID, null, "A", null, List.of(), T))
                .isInstanceOf(NullPointerException.class).hasMessage("kind");
    }

    @Test
    @DisplayName("a subject is searched by the start of each word, quotes and case aside")
    void subjectSearch() {
        Dossier romashka = firm("ООО «Ромашка-Трейд» (Москва)");

        assertThat(romashka.subjectKey()).isEqualTo("ооо ромашка-трейд (москва)");
        assertThat(romashka.subjectWordStarts()).containsExactly("ооо ромашка-трейд (москва)",
                "ромашка-трейд (москва)", "трейд (москва)", "москва)");
        assertThat(DossierSubjects.matches(romashka.subjectKey(), DossierSubjects.searchKey("МОСК"))).isTrue();
        assertThat(DossierSubjects.matches(romashka.subjectKey(), DossierSubjects.searchKey("машка"))).isFalse();
        assertThat(DossierSubjects.matches(romashka.subjectKey(), "")).isFalse();
    }

    @Test
    @DisplayName("a fact has a text of 1 to 4000 characters and a source of 1 to 300, refused together")
    void facts() {
        DossierFactId fid = DossierFactId.of(new UUID(3, 1));
        DossierFact fact = DossierFact.of(fid, ID, LocalDate.of(2026, 3, 1), " Снизили цены ", " звонок ", null,
                List.of("Цены"), T, null);

        assertThat(fact.text()).isEqualTo("Снизили цены");
        assertThat(fact.source()).isEqualTo("звонок");
        assertThat(fact.tags()).containsExactly("цены");
        assertThat(fact.cursor()).isEqualTo(new FactCursor(LocalDate.of(2026, 3, 1), T, fid));
        ValidationException e = refusal(() -> DossierFact.of(fid, ID, LocalDate.of(2026, 3, 1), "ы".repeat(4001),
                "", null, List.of(), T, null));
        assertThat(e.violations()).extracting(v -> v.field() + " " + v.code() + " " + v.rejectedValue())
                .containsExactly("text dossier-fact.text 4001", "source dossier-fact.source ");
        refused(() -> DossierFact.of(fid, ID, LocalDate.of(2026, 3, 1), "т", "с".repeat(301), null, List.of(), T,
                null), "source", "dossier-fact.source", "301");
        assertThatThrownBy(() -> DossierFact.of(fid, ID, null, "т", "с", null, List.of(), T, null))
                .isInstanceOf(NullPointerException.class).hasMessage("date");
    }

    @Test
    @DisplayName("a dossier id parses from its text and refuses what is not a UUID")
    void ids() {
        assertThat(DossierId.parse(" " + ID + " ")).isEqualTo(ID);
        refused(() -> DossierId.parse("nope"), "dossierId", "dossier-id.format", "nope");
    }
}
