package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crm4j.client.ClientCard;
import org.crm4j.common.PhoneNumber;
import org.crm4j.core.Crm;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.telephony.Telephony;
import org.crm4j.jpa.JpaStorage;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Handling an offered call among 1,000,000 client cards in PostgreSQL, the whole of it, in one transaction:
 * crm4j's {@code crm.telephony().on(offered)} over crm-jpa (the call looked up by its PBX id, the number read with
 * libphonenumber, the cards having it loaded, the call inserted, the screen pop's interactions, deals, tasks and
 * key dates selected, the pop written to the outbox in the same transaction and handed to a notifier that keeps
 * nothing after the commit) against hand-written JDBC sending the same statements, with a transactional outbox of
 * its own, and reading every column, building no object. Every
 * card has a manager; half of the numbers are the cards' own, half their directors' mobiles. Sample time mode,
 * so JMH prints percentiles (p0.99 is the p99); the warm-up is long (8 × 5 s), as for the caller-id benchmark.
 *
 * <p>The cards are written once, by JDBC, into tables of their own ({@code bench_tel_*}) and kept for later runs;
 * the calls are emptied before each run. Run (PostgreSQL at {@code CRM_BENCH_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaTelephonyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JpaTelephonyBenchmark {
    private static final String PREFIX = "bench_tel_";
    private static final Instant NOW = Instant.parse("2026-05-12T07:00:00Z");

    @Param("1000000")
    int cards;

    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private PhoneNumbers ru;
    private final AtomicLong callIds = new AtomicLong();
    private String selectCall;
    private String selectCard;
    private String selectContacts;
    private String insertCall;
    private String selectWaiting;
    private String insertEntry;
    private String markDelivered;
    private List<String> selectPop;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(2);
        storage = BenchDatabase.storage(dataSource, PREFIX);
        if (count() != cards) {
            BenchDatabase.truncate(dataSource, PREFIX);
            JdbcCards jdbc = new JdbcCards(dataSource, PREFIX);
            int chunk = 50_000;
            for (int from = 0; from < cards; from += chunk) {
                List<ClientCard> batch = new ArrayList<>(chunk);
                for (int n = from; n < Math.min(cards, from + chunk); n++) {
                    batch.add(BenchCards.card(n));
                }
                jdbc.insertAll(batch, 1000);
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // every card gets a manager, one of fifty, as an assignment part after its other parts
                s.execute("insert into " + PREFIX + "client_part (client_id, card_version, ord, kind, manager_id, "
                        + "assigned_at) select id, version, 100, 'ASSIGNMENT', 'manager-' || (abs(hashtext(id::text))"
                        + " % 50), timestamp with time zone '2026-01-15 10:00:00+00' from " + PREFIX + "client");
                s.execute("analyze " + PREFIX + "client");
                s.execute("analyze " + PREFIX + "client_part");
                s.execute("analyze " + PREFIX + "client_contact");
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "phone_call");
            s.execute("truncate " + PREFIX + "reminder");
        }
        crm = Crm.builder().storage(storage).clock(SettableClock.at(NOW)).notifier(n -> { }).build();
        ru = PhoneNumbers.forRegion("RU");
        selectCall = "select * from " + PREFIX + "phone_call where id = ?";
        selectCard = "select c.id, c.version, c.kind, c.relation, c.name, c.inn, c.kpp, c.created_at, "
                + "p.client_id, p.card_version, p.ord, p.kind, p.contact_id, p.purpose, p.phone, p.email, p.country, "
                + "p.postal_code, p.region, p.city, p.line, p.manager_id from " + PREFIX + "client c join " + PREFIX
                + "client_part p on p.client_id = c.id where c.id in (select client_id from " + PREFIX
                + "client_part where phone = ?) order by p.client_id, p.ord";
        selectContacts = "select * from " + PREFIX + "client_contact where client_id = ? order by ord";
        insertCall = "insert into " + PREFIX + "phone_call (id, version, line_code, raw_number, client_id, "
                + "offered_at, outcome, seen_kinds) values (?, 1, 'bench', ?, ?, ?, 'RINGING', 'OFFERED')";
        selectWaiting = "select id from " + PREFIX + "reminder where channel = 'screen-pop' and recipient = ? "
                + "and status = 'PENDING' limit 1";
        insertEntry = "insert into " + PREFIX + "reminder (id, version, notification_key, channel, recipient, "
                + "subject, body, links, due_at, status, claimed_by, claimed_until, attempts, created_at) "
                + "values (?, 1, ?, 'screen-pop', ?, ?, '', null, ?, 'PENDING', 'bench', ?, 1, now())";
        markDelivered = "update " + PREFIX + "reminder set status = 'FIRED', fired_at = ?, claimed_by = null, "
                + "claimed_until = null, version = version + 1 where id = ?";
        selectPop = List.of(
                "select * from " + PREFIX + "interaction where client_id = ? order by started_at desc, id desc "
                        + "limit 20",
                "select * from " + PREFIX + "deal where client_id = ? order by created_at desc limit 20",
                "select * from " + PREFIX + "task where client_id = ? order by due_at, id limit 50",
                "select * from " + PREFIX + "notable_event where client_id = ? order by event_date");
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + PREFIX + "client")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        storage.close();
        dataSource.close();
    }

    private String anyNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long n = random.nextInt(cards);
        return ru.formatForDialling(random.nextBoolean() ? BenchCards.phone(n) : BenchCards.mobile(n));
    }

    /** crm4j: {@code crm.telephony().on(offered)} over crm-jpa. */
    @Benchmark
    public Telephony.Handled crmOffered() {
        Telephony.Handled handled = crm.telephony().on(new CallEvent.Offered("c-" + callIds.incrementAndGet(),
                "bench", anyNumber(), NOW));
        if (handled.screenPop() == null) {
            throw new IllegalStateException("no screen pop for " + handled.call());
        }
        return handled;
    }

    /**
     * The same statements by hand, every column read, and the screen pop sent the way crm4j sends it, through a
     * transactional outbox: in one transaction, 8 selects, the call's insert, a select asking whether anything waits
     * for the manager and the pop's insert into the outbox; after the commit, the pop handed to the channel and its
     * row marked delivered by one update in auto-commit.
     */
    @Benchmark
    public int handWrittenJdbc() throws SQLException {
        String number = anyNumber();
        PhoneNumber phone = ru.parse(number);
        String id = "h-" + callIds.incrementAndGet();
        int read = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(selectCall)) {
                s.setString(1, id);
                read += readAll(s);
            }
            UUID client = null;
            String manager = "nobody";
            try (PreparedStatement s = c.prepareStatement(selectCard)) {
                s.setString(1, phone.e164());
                try (ResultSet rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        client = rs.getObject(1, UUID.class);
                        if (rs.getString(22) != null) {
                            manager = rs.getString(22);
                        }
                        for (int i = 1; i <= columns; i++) {
                            read += rs.getObject(i) == null ? 0 : 1;
                        }
                    }
                }
            }
            if (client == null) {
                throw new IllegalStateException("nobody has " + number);
            }
            try (PreparedStatement s = c.prepareStatement(selectContacts)) {
                s.setObject(1, client);
                read += readAll(s);
            }
            try (PreparedStatement s = c.prepareStatement(insertCall)) {
                s.setString(1, id);
                s.setString(2, number);
                s.setObject(3, client);
                s.setTimestamp(4, Timestamp.from(NOW));
                s.executeUpdate();
            }
            for (String sql : selectPop) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setObject(1, client);
                    read += readAll(s);
                }
            }
            try (PreparedStatement s = c.prepareStatement(selectWaiting)) {
                s.setString(1, manager);
                read += readAll(s);
            }
            UUID entry = UUID.randomUUID();
            try (PreparedStatement s = c.prepareStatement(insertEntry)) {
                s.setObject(1, entry);
                s.setString(2, "screen-pop:" + id);
                s.setString(3, manager);
                s.setString(4, "Звонок: " + number);
                s.setTimestamp(5, Timestamp.from(NOW));
                s.setTimestamp(6, Timestamp.from(NOW.plusSeconds(300)));
                s.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(markDelivered)) {
                s.setTimestamp(1, Timestamp.from(NOW));
                s.setObject(2, entry);
                s.executeUpdate();
            }
        }
        return read;
    }

    private static int readAll(PreparedStatement s) throws SQLException {
        int read = 0;
        try (ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    read += rs.getObject(i) == null ? 0 : 1;
                }
            }
        }
        return read;
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaTelephonyBenchmark.class, "handWrittenJdbc", args);
    }
}
