package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.task.ComplianceReport;
import org.crm4j.core.task.ComplianceTally;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regulations on crm-jpa: the compliance report is two selects whatever the number of tasks (the counts grouped in
 * SQL, then only the late rows), applying a regulation a fixed number of statements, and the report's numbers are
 * the same on every database.
 */
class RegulationStatementCountTest {

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
        private static final String PREFIX = "regcount_";
        private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
        private static final Instant MONDAY = moscow("2026-03-16T10:00");
        private static final EmployeeId ANNA = EmployeeId.of("anna");
        private static final EmployeeId BORIS = EmployeeId.of("boris");
        private static final Regulation INVOICE = Regulation.withinWorkingDays("invoice-after-price-request",
                "Выставить счёт по запросу цены", TaskKind.INVOICE, 1);
        private static final LocalDate FROM = LocalDate.of(2026, 3, 16);
        private static final LocalDate TO = LocalDate.of(2026, 3, 23);
        private final TestDatabase database;
        private final StatementCounter counter = new StatementCounter();
        private final SettableClock clock = SettableClock.at(MONDAY, MOSCOW);
        private JpaStorage storage;
        private Crm crm;

        Counting(TestDatabase database) {
            this.database = database;
        }

        private static Instant moscow(String localDateTime) {
            return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            storage = database.storage(counter.wrap(database.cleanSchema(PREFIX)), PREFIX);
            crm = Crm.builder().storage(storage).clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW))
                    .build();
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
            clock.set(MONDAY);
        }

        private Task apply(EmployeeId who, Instant trigger, String key) {
            return crm.regulations().apply(INVOICE, trigger, who, null, null, key);
        }

        private void completeAt(Task task, String at) {
            clock.set(moscow(at));
            crm.tasks().complete(task.id(), task.version());
        }

        @Test
        @DisplayName("seed 001 on the database: Friday's invoice is late by 19 business hours, Tuesday's on time")
        void seed001() {
            Task annas = apply(ANNA, MONDAY, "call:1:invoice");
            Task boriss = apply(BORIS, MONDAY, "call:2:invoice");
            completeAt(boriss, "2026-03-17T09:30");
            completeAt(annas, "2026-03-20T12:00");

            ComplianceReport[] report = new ComplianceReport[1];
            Map<String, Long> cost = counter.counted(() -> report[0] = crm.regulations().compliance(FROM, TO));

            assertThat(cost).isEqualTo(Map.of("select", 2L));
            assertThat(report[0].of(INVOICE.code(), ANNA).orElseThrow().tally())
                    .isEqualTo(new ComplianceTally(1, 0, 1, 0, 0, Duration.ofHours(19), Duration.ofHours(19)));
            assertThat(report[0].of(BORIS).orElseThrow().tally())
                    .isEqualTo(new ComplianceTally(1, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO));
        }

        @Test
        @DisplayName("the report is two selects among 3 regulated tasks or among 90, and applying one costs the same each time")
        void reportIsTwoSelects() {
            Map<String, Long> firstApply = counter.counted(() -> apply(ANNA, MONDAY, "call:0:invoice"));
            Map<String, Long> repeated = counter.counted(() -> apply(ANNA, MONDAY, "call:0:invoice"));
            for (int n = 1; n < 3; n++) {
                apply(n % 2 == 0 ? ANNA : BORIS, MONDAY.plus(Duration.ofHours(n)), "call:" + n + ":invoice");
            }
            Map<String, Long> small = counter.counted(() -> crm.regulations().compliance(FROM, TO));
            for (int n = 3; n < 90; n++) {
                Task t = apply(n % 2 == 0 ? ANNA : BORIS, MONDAY.plus(Duration.ofMinutes(37L * n)),
                        "call:" + n + ":invoice");
                if (n % 3 == 0) {
                    clock.set(t.due().plus(Duration.ofHours(n % 2 == 0 ? 20 : -1)));
                    crm.tasks().complete(t.id(), t.version());
                    clock.set(MONDAY);
                }
            }
            clock.set(moscow("2026-03-20T17:00"));
            ComplianceReport[] report = new ComplianceReport[1];
            Map<String, Long> large = counter.counted(() -> report[0] = crm.regulations().compliance(FROM, TO));

            assertThat(firstApply).isEqualTo(Map.of("select", 1L, "insert", 1L));
            assertThat(repeated).isEqualTo(Map.of("select", 1L));
            assertThat(small).isEqualTo(Map.of("select", 2L));
            assertThat(large).isEqualTo(small);
            ComplianceTally anna = report[0].of(ANNA).orElseThrow().tally();
            ComplianceTally boris = report[0].of(BORIS).orElseThrow().tally();
            assertThat(anna.due() + boris.due()).isEqualTo(90);
            // Every third task from the fourth was done: Anna's (6, 12, .. 84) 20 hours after the deadline, the next
            // day at 14:00; Boris's (3, 9, .. 87) an hour before it.
            assertThat(anna.late()).isEqualTo(14);
            // The rest are open, all due by Thursday evening: overdue on Friday at 17:00.
            assertThat(anna.overdue()).isEqualTo(45 - 14);
            assertThat(boris.overdue()).isEqualTo(45 - 15);
            assertThat(anna.worstLateness()).isGreaterThanOrEqualTo(anna.medianLateness());
            assertThat(anna.onTime()).isZero();
            assertThat(boris.onTime()).isEqualTo(15);
            assertThat(boris.late()).isZero();
        }
    }
}
