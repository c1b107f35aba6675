package org.crm4j.examples.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.PersonName;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Transactions;
import org.crm4j.core.client.Clients;
import org.crm4j.core.client.InMemoryClientStore;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.core.common.SettableClock;
import org.crm4j.tck.ClientFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Caller identification among a million client cards in the in-memory store, against the best hand-written
 * alternative: a plain {@link HashMap} from the same phone numbers to the same cards. Every card has its own
 * phone and a contact person with a mobile phone; half of the looked-up numbers are contact persons'.
 *
 * <p>Run: {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.InMemoryCallerIdBenchmark}
 * (JMH options may follow, e.g. {@code -p cards=100000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class InMemoryCallerIdBenchmark {
    private static final int KEYS = 1 << 16;

    @Param("1000000")
    int cards;

    private InMemoryClientStore store;
    private Clients clients;
    private Map<PhoneNumber, ClientCard> baseline;
    private PhoneNumber[] keys;
    private String[] typed;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        store = new InMemoryClientStore();
        baseline = new HashMap<>();
        List<ClientCard> batch = new ArrayList<>(10_000);
        for (int n = 0; n < cards; n++) {
            ClientCard card = card(n);
            batch.add(card);
            if (batch.size() == 10_000 || n == cards - 1) {
                store.insertAll(batch);
                batch.clear();
            }
            for (PhoneNumber phone : card.allPhones()) {
                baseline.put(phone, card);
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        keys = new PhoneNumber[KEYS];
        typed = new String[KEYS];
        PhoneNumbers ru = PhoneNumbers.forRegion("RU");
        for (int i = 0; i < KEYS; i++) {
            int n = random.nextInt(cards);
            keys[i] = i % 2 == 0 ? ClientFixture.phone(n) : ClientFixture.contactPhone(n);
            typed[i] = ru.formatForDialling(keys[i]);
        }
        clients = new Clients(store, Transactions.none(), SettableClock.at(ClientFixture.T0), ru,
                CrmEventListener.none());
    }

    static ClientCard card(int n) {
        ContactPerson contact = new ContactPerson(ClientFixture.contactId(n, 1), PersonName.of("Иванов", "Иван", null),
                "Директор", List.of(ContactPhone.of(ClientFixture.contactPhone(n), ContactPurpose.MOBILE)), List.of(),
                LocalDate.of(1980, 1, 1), null);
        return ClientFixture.minimal(n, "Клиент " + n).toBuilder().contactPerson(contact).build();
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (KEYS - 1);
        return i;
    }

    /** The hand-written alternative: one HashMap get. */
    @Benchmark
    public ClientCard hashMapGet() {
        return baseline.get(keys[nextIndex()]);
    }

    /** crm4j's store port: the indexed lookup a vendor's caller-ID screen would call. */
    @Benchmark
    public List<ClientCard> storeFindByPhone() {
        return store.findByPhone(keys[nextIndex()]);
    }

    /** The facade from the number as an exchange reports it: libphonenumber parsing, lookup, contact match. */
    @Benchmark
    public List<PhoneMatch> clientsFindByTypedPhone() {
        return clients.findByPhone(typed[nextIndex()]);
    }

    public static void main(String[] args) throws Exception {
        Ratios.runAndPrint(InMemoryCallerIdBenchmark.class, "hashMapGet", args);
    }
}
