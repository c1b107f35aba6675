package org.crm4j.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crm4j.client.ClientCard;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.jpa.JpaStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Recording one interaction (a call reported by the PBX, with its call id) in PostgreSQL:
 * <ul>
 *   <li>{@code handWrittenJdbc}: one prepared {@code insert} of the row's 19 columns in auto-commit, the least a
 *       hand-written adapter can send;</li>
 *   <li>{@code handWrittenJdbcInTransaction}: the same insert in a transaction of its own, committed: the
 *       round trips a JPA store cannot avoid, as Jakarta Persistence writes only inside a transaction;</li>
 *   <li>{@code crmJpaStoreInsert}: {@code InteractionStore.insert} through crm-jpa (a transaction around the
 *       insert);</li>
 *   <li>{@code crmRecord}: {@code crm.interactions().record}, the use case an ERP calls, which also looks for
 *       the call id already recorded, checks the type and lead source against the dictionaries and that the
 *       client's card exists.</li>
 * </ul>
 * Every operation writes a new row with a new call id; the table is emptied before each trial. Run (PostgreSQL at
 * {@code CRM_BENCH_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}):
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.JpaInteractionRecordingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JpaInteractionRecordingBenchmark {
    private static final String PREFIX = "bench_talks_";
    private static final Instant T0 = Instant.parse("2026-03-02T09:15:30Z");

    private final AtomicLong sequence = new AtomicLong();
    private HikariDataSource dataSource;
    private JpaStorage storage;
    private Crm crm;
    private ClientCard client;
    private Connection connection;
    private PreparedStatement insert;
    private Connection transactional;
    private PreparedStatement insertInTransaction;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BenchDatabase.open(4);   // two held by the hand-written paths, two for crm-jpa
        storage = BenchDatabase.storage(dataSource, PREFIX);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate " + PREFIX + "interaction, " + PREFIX + "client_part, " + PREFIX + "client_contact, "
                    + PREFIX + "client");
        }
        crm = Crm.builder().storage(storage).build();
        client = storage.clients().save(BenchCards.card(1));
        connection = dataSource.getConnection();
        String sql = "insert into " + PREFIX + "interaction (id, external_id, type, "
                + "direction, channel, started_at, duration_ms, manager_id, client_id, contact_id, subject, notes, "
                + "result, lead_source, cause, deal_ref, document_ref, next_contact, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insert = connection.prepareStatement(sql);
        transactional = dataSource.getConnection();
        transactional.setAutoCommit(false);
        insertInTransaction = transactional.prepareStatement(sql);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        insert.close();
        connection.close();
        insertInTransaction.close();
        transactional.close();
        storage.close();
        dataSource.close();
    }

    /** The next call the PBX reports: a new id and call id, the same client, type and lead source. */
    private Interaction nextCall() {
        long n = sequence.incrementAndGet();
        return Interaction.builder().id(InteractionId.of(new UUID(0x0190_0000_0000_7000L | 0x8000, n)))
                .externalId("pbx-" + n).type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(T0.plusSeconds(n)).duration(Duration.ofSeconds(95)).manager(EmployeeId.of("anna"))
                .client(client.id()).subject("Запрос прайс-листа").notes("Просили прислать прайс на опт")
                .result("прайс отправлен").leadSource("exhibition").cause("увидели стенд на выставке")
                .nextContact(LocalDate.of(2026, 3, 10)).recordedAt(T0.plusSeconds(n)).build();
    }

    @Benchmark
    public int handWrittenJdbc() throws SQLException {
        return bind(insert, nextCall()).executeUpdate();
    }

    @Benchmark
    public int handWrittenJdbcInTransaction() throws SQLException {
        int written = bind(insertInTransaction, nextCall()).executeUpdate();
        transactional.commit();
        return written;
    }

    private static PreparedStatement bind(PreparedStatement insert, Interaction i) throws SQLException {
        insert.setObject(1, i.id().value());
        insert.setString(2, i.externalId());
        insert.setString(3, i.type());
        insert.setString(4, i.direction().name());
        insert.setString(5, i.channel().name());
        insert.setObject(6, i.at().atOffset(ZoneOffset.UTC));
        insert.setLong(7, i.duration().toMillis());
        insert.setString(8, i.manager() == null ? null : i.manager().value());
        insert.setObject(9, i.client().value());
        insert.setNull(10, Types.OTHER);
        insert.setString(11, i.subject());
        insert.setString(12, i.notes());
        insert.setString(13, i.result());
        insert.setString(14, i.leadSource());
        insert.setString(15, i.cause());
        insert.setNull(16, Types.VARCHAR);
        insert.setNull(17, Types.VARCHAR);
        insert.setObject(18, i.nextContact());
        insert.setObject(19, i.recordedAt().atOffset(ZoneOffset.UTC));
        return insert;
    }

    @Benchmark
    public Interaction crmJpaStoreInsert() {
        return storage.interactions().insert(nextCall());
    }

    @Benchmark
    public Interaction crmRecord() {
        return crm.interactions().record(nextCall()).interaction();
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(JpaInteractionRecordingBenchmark.class, "handWrittenJdbc", args);
    }
}
