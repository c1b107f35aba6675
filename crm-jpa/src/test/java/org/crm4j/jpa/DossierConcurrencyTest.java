package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.core.Crm;
import org.crm4j.core.dossier.Dossiers;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLinkType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Links and client attachments do not depend on what their caller saw, so {@link Dossiers} retries them when a
 * concurrent save wins: eight threads linking one firm at once must all get their link in, on real databases
 * where the guarded update waits for the winner's row lock.
 */
class DossierConcurrencyTest {

    @Nested
    class OnPostgreSql extends Racing {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends Racing {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Racing {
        private static final String PREFIX = "drace_";
        private static final int THREADS = 8;
        private final StorageOnDatabase db;

        Racing(TestDatabase database) {
            this.db = new StorageOnDatabase(database, PREFIX);
        }

        @BeforeAll
        void open() {
            db.open();
        }

        @AfterAll
        void close() {
            db.close();
        }

        @Test
        @DisplayName("8 threads linking one firm to 8 rivals at once: every link is in, the version counts them")
        void eightThreadsLinkOneFirm() throws Exception {
            Dossiers dossiers = Crm.builder().storage(db.empty()).defaultClassifiers(false).build().dossiers();
            Dossier hub = dossiers.open(DossierKind.FIRM, "Ромашка", null, List.of());
            List<Dossier> rivals = new ArrayList<>();
            for (int n = 0; n < THREADS; n++) {
                rivals.add(dossiers.open(DossierKind.FIRM, "Соперник " + n, null, List.of("конкурент")));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Dossier>> done = new ArrayList<>();
            for (Dossier rival : rivals) {
                done.add(pool.submit(() -> {
                    start.await();
                    dossiers.link(rival.id(), DossierLinkType.COMPETITOR_OF, hub.id());
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
            assertThat(linked.version()).isEqualTo(1 + THREADS);
            assertThat(dossiers.linkingTo(hub.id(), DossierLinkType.COMPETITOR_OF, 100)).hasSize(THREADS);
        }
    }
}
