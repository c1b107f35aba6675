package org.crm4j.examples.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PhoneNumber;
import org.crm4j.core.Crm;
import org.crm4j.core.InMemoryStorage;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.telephony.Telephony;
import org.crm4j.telephony.CallEvent;
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
import org.openjdk.jmh.runner.RunnerException;

/**
 * Handling an offered call among a million client cards in memory, the whole of it: the number as the PBX gives
 * it ({@code 8 495 000-00-01}) read with libphonenumber, the cards having it found and ranked, the call stored, the
 * screen pop built from the client's interactions, deals, tasks and key dates and handed to a notifier that keeps
 * nothing. The hand-written alternative reads the number the same way, finds the card in a {@link HashMap},
 * stores a record of the call in another and builds the pop's text. Every card has its own phone, a director
 * with a mobile phone and a manager; half of the numbers are the directors'. Sample time, so JMH prints
 * percentiles (p0.99 is the p99).
 *
 * <p>Run: {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.InMemoryTelephonyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class InMemoryTelephonyBenchmark {
    private static final int KEYS = 1 << 16;
    private static final Instant NOW = Instant.parse("2026-05-12T07:00:00Z");

    @Param("1000000")
    int cards;

    private Crm crm;
    private PhoneNumbers ru;
    private Map<PhoneNumber, ClientCard> byPhone;
    private Map<String, HandWrittenCall> calls;
    private String[] typed;
    private int next;
    private long callIds;

    /** What a hand-written handler keeps of a call. */
    record HandWrittenCall(String id, String line, String number, ClientId client, Instant offeredAt) {
    }

    @Setup(Level.Trial)
    public void load() {
        InMemoryStorage storage = new InMemoryStorage();
        byPhone = new HashMap<>();
        calls = new HashMap<>();
        List<ClientCard> batch = new ArrayList<>(10_000);
        for (int n = 0; n < cards; n++) {
            ClientCard card = managed(n);
            batch.add(card);
            if (batch.size() == 10_000 || n == cards - 1) {
                storage.clients().insertAll(batch);
                batch.clear();
            }
            for (PhoneNumber phone : card.allPhones()) {
                byPhone.put(phone, card);
            }
        }
        ru = PhoneNumbers.forRegion("RU");
        SplittableRandom random = new SplittableRandom(42);
        typed = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            int n = random.nextInt(cards);
            typed[i] = ru.formatForDialling(i % 2 == 0 ? BenchCards.phone(n) : BenchCards.mobile(n));
        }
        crm = Crm.builder().storage(storage).clock(SettableClock.at(NOW)).notifier(n -> { }).build();
    }

    /** A bench card with a manager, one of fifty. */
    static ClientCard managed(long n) {
        return BenchCards.card(n).toBuilder()
                .assignment(new ManagerAssignment(EmployeeId.of("manager-" + n % 50), NOW, null, null)).build();
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (KEYS - 1);
        return i;
    }

    /** The hand-written alternative: parse, one HashMap get, one HashMap put, the pop's text. */
    @Benchmark
    public String handWritten() {
        String number = typed[nextIndex()];
        PhoneNumber phone = ru.parse(number);
        ClientCard card = byPhone.get(phone);
        String id = "h-" + callIds++;
        calls.put(id, new HandWrittenCall(id, "bench", number, card.id(), NOW));
        return "Call on bench from " + card.name() + "\nManager: " + card.responsibleManager().orElseThrow().value();
    }

    /** crm4j: {@code crm.telephony().on(offered)}, identification, the stored call and the delivered screen pop. */
    @Benchmark
    public Telephony.Handled crmOffered() {
        Telephony.Handled handled = crm.telephony().on(new CallEvent.Offered("c-" + callIds++, "bench",
                typed[nextIndex()], NOW));
        if (handled.screenPop() == null) {
            throw new IllegalStateException("no screen pop for " + handled.call());
        }
        return handled;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(InMemoryTelephonyBenchmark.class, "handWritten", args);
    }
}
