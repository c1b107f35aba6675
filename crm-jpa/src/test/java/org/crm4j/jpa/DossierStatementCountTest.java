package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.classifier.Classifiers;
import org.crm4j.core.dossier.Dossiers;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@link Dossiers} use case costs a fixed number of SQL statements on crm-jpa, whatever the size of the
 * dossier, of its timeline and of the tables: a dossier with 90 tags, clients and links loads in the one select a
 * bare dossier takes, a search among 200 dossiers costs what it costs among a few, a page of a long timeline what a
 * page of a short one costs.
 */
class DossierStatementCountTest {

    @Nested
    class OnH2 extends Counting {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends Counting {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Counting {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Counting {
        private static final String PREFIX = "dcount_";
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private JpaStorage storage;
        private Crm crm;
        private Dossiers dossiers;

        Counting(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).build();
            dossiers = crm.dossiers();
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @BeforeEach
        void clean() {
            database.cleanSchema(PREFIX);
        }

        /** A firm dossier with 40 tags, 30 clients and 20 links to the given firms. */
        private Dossier big(String subject, List<Dossier> rivals) {
            Set<String> tags = new HashSet<>();
            for (int t = 0; t < 40; t++) {
                tags.add("тег-" + t);
            }
            Set<ClientId> clients = new HashSet<>();
            for (int c = 0; c < 30; c++) {
                clients.add(ClientFixture.id(5000 + c));
            }
            Set<DossierLink> links = new HashSet<>();
            rivals.forEach(r -> links.add(DossierLink.of(DossierLinkType.COMPETITOR_OF, r.id())));
            Dossier opened = dossiers.open(DossierKind.FIRM, subject, "Крупный игрок", tags);
            return storage.dossiers().save(opened.withClients(clients, opened.updatedAt())
                    .withLinks(links, opened.updatedAt()));
        }

        private List<Dossier> firms(int count, String name) {
            List<Dossier> firms = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                firms.add(dossiers.open(DossierKind.FIRM, name + " " + n, null, Set.of("рынок")));
            }
            return firms;
        }

        @Test
        @DisplayName("a dossier with 90 tags, clients and links loads in one select, as a bare one does")
        void loadingIsOneSelect() {
            Dossier bare = dossiers.open(DossierKind.PERSON, "Петров", null, Set.of());
            Dossier big = big("ООО «Большая Ромашка»", firms(20, "Конкурент"));

            assertThat(counter.counted(() -> dossiers.get(bare.id()))).isEqualTo(Map.of("select", 1L));
            assertThat(counter.counted(() -> assertThat(dossiers.get(big.id())).isEqualTo(big)))
                    .isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("a search by subject, tag, client or inbound link is one select of ids and one load")
        void searchesAreTwoSelects() {
            List<Dossier> rivals = firms(20, "Конкурент");
            Dossier big = big("ООО «Большая Ромашка»", rivals);
            Map<String, Long> two = Map.of("select", 2L);

            assertThat(counter.counted(() -> assertThat(dossiers.search("ромашка", null, 10)).containsExactly(big)))
                    .isEqualTo(two);
            assertThat(counter.counted(() -> assertThat(dossiers.withTag("тег-7", 10)).containsExactly(big))).isEqualTo(two);
            assertThat(counter.counted(() -> assertThat(dossiers.ofClient(ClientFixture.id(5003))).containsExactly(big)))
                    .isEqualTo(two);
            assertThat(counter.counted(() -> assertThat(dossiers.linkingTo(rivals.get(4).id(), DossierLinkType.COMPETITOR_OF,
                    10)).containsExactly(big))).isEqualTo(two);
            assertThat(counter.counted(() -> assertThat(dossiers.search("конкурент", DossierKind.FIRM, 50)).hasSize(20)))
                    .isEqualTo(two);
            assertThat(counter.counted(() -> assertThat(dossiers.search("никто", null, 10)).isEmpty()))
                    .isEqualTo(Map.of("select", 1L));
        }

        @Test
        @DisplayName("a search costs the same among 21 dossiers and among 221")
        void searchDoesNotGrowWithTheTable() {
            Dossier big = big("ООО «Большая Ромашка»", firms(20, "Конкурент"));
            Map<String, Long> amongFew = counter.counted(() -> dossiers.withTag("тег-1", 10));

            firms(200, "Фирма");
            Map<String, Long> amongMany = counter.counted(() -> assertThat(dossiers.withTag("тег-1", 10))
                    .containsExactly(big));

            assertThat(amongMany).isEqualTo(amongFew);
        }

        @Test
        @DisplayName("a page of 20 facts takes two selects, from a timeline of 25 facts or of 150")
        void timelinePageIsTwoSelects() {
            Dossier firm = dossiers.open(DossierKind.FIRM, "Ромашка", null, Set.of());
            record(firm.id(), 0, 25);
            Map<String, Long> shortTimeline = counter.counted(() -> assertThat(dossiers.timeline(firm.id(), null, 20))
                    .hasSize(20));
            record(firm.id(), 25, 150);
            List<DossierFact> first = dossiers.timeline(firm.id(), null, 20);
            Map<String, Long> longTimeline = counter.counted(() -> assertThat(dossiers.timeline(firm.id(),
                    first.get(19).cursor(), 20)).hasSize(20));

            assertThat(shortTimeline).isEqualTo(longTimeline).isEqualTo(Map.of("select", 2L));
            assertThat(first.get(0).tags()).containsExactly("пресса", "цены");
        }

        private void record(DossierId dossier, int from, int to) {
            for (int n = from; n < to; n++) {
                dossiers.recordFact(dossier, LocalDate.of(2025, 1, 1).plusDays(n), "Факт " + n, "Коммерсантъ",
                        Set.of("цены", "пресса"), EmployeeId.of("anna"));
            }
        }

        @Test
        @DisplayName("changing a big dossier costs what changing a bare one costs")
        void changing() {
            List<Dossier> rivals = firms(21, "Конкурент");
            Dossier bare = dossiers.open(DossierKind.FIRM, "Малая", null, Set.of());
            Dossier big = big("ООО «Большая Ромашка»", rivals.subList(0, 20));
            DossierId newcomer = rivals.get(20).id();

            Map<String, Long> onBare = counter.counted(() -> dossiers.link(bare.id(), DossierLinkType.COMPETITOR_OF, newcomer));
            Map<String, Long> onBig = counter.counted(() -> dossiers.link(big.id(), DossierLinkType.COMPETITOR_OF, newcomer));

            assertThat(onBig).isEqualTo(onBare).isEqualTo(Map.of("select", 3L, "update", 1L, "delete", 2L,
                    "insert", 2L));
        }

        @Test
        @DisplayName("recording a fact told in a call: two selects and two inserts; finding it from the call: two selects")
        void factFromACall() {
            crm.classifiers().defineMissing(Classifiers.defaults());
            crm.storage().clients().save(ClientFixture.organisation(1));
            Dossier firm = dossiers.open(DossierKind.FIRM, "Ромашка", null, Set.of());
            Interaction call = crm.interactions().record(Interaction.builder().id(InteractionId.of(new UUID(4, 1)))
                    .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                    .at(Instant.parse("2026-03-02T10:00:00Z")).client(ClientFixture.id(1)).subject("Цены")
                    .recordedAt(Instant.parse("2026-03-02T10:05:00Z")).build()).interaction();

            assertThat(counter.counted(() -> dossiers.recordFromInteraction(firm.id(), call.id(), "Снизили цены",
                    Set.of("цены", "конкурент")))).isEqualTo(Map.of("select", 2L, "insert", 2L));
            assertThat(counter.counted(() -> assertThat(dossiers.factsFrom(call.id())).hasSize(1)))
                    .isEqualTo(Map.of("select", 2L));
        }
    }
}
