package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPerson;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.core.Crm;
import org.crm4j.core.client.Clients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight threads edit one card a hundred times each through the public API, on PostgreSQL (read committed) and
 * on MariaDB (repeatable read, its default). Optimistic locking must let exactly one edit of each version
 * through, refuse the others with a {@link ConcurrentModificationException}, and lose nothing.
 */
class ConcurrentEditsTest {
    private static final String PREFIX = "race_";
    private static final int THREADS = 8;
    private static final int EDITS = 100;

    private JpaStorage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
    @DisplayName("8 threads x 100 edits of one card: the version counts the commits, every refusal is a stale version")
    void eightThreadsEditOneCard(TestDatabase database) throws Exception {
        DatabaseAssumptions.assumeAvailable(database);
        storage = database.storage(database.cleanSchema(PREFIX), PREFIX);
        Clients clients = Crm.builder().storage(storage).build().clients();
        ClientCard card = clients.register(ClientForm.organisation("Гонка").phone("+74951234567").build());

        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String thread = "Поток" + "абвгдежз".charAt(t);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < EDITS; i++) {
                    String edit = thread + " правка " + letters(i);
                    ClientCard seen = clients.get(card.id());
                    try {
                        clients.addContactPerson(card.id(), seen.version(), ContactForm.of(edit, "Иван", null).build());
                        committed.add(edit);
                    } catch (ConcurrentModificationException stale) {
                        refused.incrementAndGet();
                    } catch (RuntimeException e) {
                        synchronized (unexpected) {
                            unexpected.add(e);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        ClientCard last = clients.get(card.id());
        assertThat(unexpected).isEmpty();
        assertThat(committed.size() + refused.get()).isEqualTo(THREADS * EDITS);
        assertThat(committed).isNotEmpty();
        assertThat(last.version()).isEqualTo(1 + committed.size());
        assertThat(last.contactPersons()).extracting(ContactPerson::name)
                .extracting(name -> name.surname())
                .containsExactlyInAnyOrderElementsOf(committed);
        System.out.printf("8 x 100 edits on %s: %d committed, %d refused as stale%n", database,
                committed.size(), refused.get());
    }

    /** 0 → "а", 1 → "б", …: surnames take letters only. */
    private static String letters(int n) {
        String alphabet = "абвгдежзиклмнопрстуфхцчшщэюя";
        StringBuilder s = new StringBuilder();
        do {
            s.append(alphabet.charAt(n % alphabet.length()));
            n /= alphabet.length();
        } while (n > 0);
        return s.toString();
    }
}
