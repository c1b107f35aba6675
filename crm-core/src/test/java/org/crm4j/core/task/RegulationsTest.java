package org.crm4j.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.common.SettableClock;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.task.Regulation;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskStatus;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegulationsTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");
    /** Seed 001: an invoice is due one working day after an inbound call asking for a price. */
    private static final Regulation INVOICE = Regulation.withinWorkingDays("invoice-after-price-request",
            "Выставить счёт по запросу цены", TaskKind.INVOICE, 1);

    private final SettableClock clock = SettableClock.at(moscow("2026-03-16T10:00"), MOSCOW);
    private final Crm crm = crm();

    private Crm crm() {
        Crm c = Crm.builder().clock(clock).zone(MOSCOW).calendar(Calendars.russia(MOSCOW)).build();
        c.storage().clients().save(ClientFixture.organisation(1));
        c.storage().clients().save(ClientFixture.organisation(2));
        return c;
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    /** An inbound call asking for a price, taken by {@code manager} from client {@code n} now. */
    private Interaction priceRequest(int n, EmployeeId manager) {
        Interaction call = Interaction.builder().id(InteractionId.of(new UUID(53, n))).externalId("pbx-53-" + n)
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(clock.instant())
                .manager(manager).client(ClientFixture.id(n)).subject("Сколько стоит поставка?")
                .recordedAt(clock.instant()).build();
        return crm.interactions().record(call).interaction();
    }

    private Task applyTo(Interaction call) {
        return crm.regulations().apply(INVOICE, call.at(), call.manager(), call.client(), call.id(),
                "interaction:" + call.id() + ":invoice");
    }

    private Task complete(Task task, String at) {
        clock.set(moscow(at));
        Task current = crm.tasks().get(task.id());
        return crm.tasks().complete(current.id(), current.version());
    }

    @Test
    @DisplayName("seed 001: a call on Monday, the invoice on Friday is late by 19 business hours; on Tuesday 09:30 it is on time")
    void seed001() {
        Task annas = applyTo(priceRequest(1, ANNA));
        Task boriss = applyTo(priceRequest(2, BORIS));

        assertThat(annas.due()).isEqualTo(moscow("2026-03-17T18:00"));
        assertThat(annas.regulation()).isEqualTo(INVOICE.code());
        assertThat(annas.kind()).isEqualTo(TaskKind.INVOICE);
        assertThat(annas.title()).isEqualTo(INVOICE.name());
        assertThat(annas.client()).isEqualTo(ClientFixture.id(1));
        complete(boriss, "2026-03-17T09:30");
        complete(annas, "2026-03-20T12:00");

        ComplianceReport report = crm.regulations().compliance(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23));

        // Wednesday and Thursday, 8 hours each, and Friday 09:00-12:00.
        ComplianceTally anna = report.of(INVOICE.code(), ANNA).orElseThrow().tally();
        assertThat(anna).isEqualTo(new ComplianceTally(1, 0, 1, 0, 0, Duration.ofHours(19), Duration.ofHours(19)));
        ComplianceTally boris = report.of(INVOICE.code(), BORIS).orElseThrow().tally();
        assertThat(boris).isEqualTo(new ComplianceTally(1, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO));
        assertThat(report.byManager()).extracting(ManagerPerformance::responsible).containsExactly(ANNA, BORIS);
        assertThat(report.of(ANNA).orElseThrow().tally().onTimeShare()).contains(new BigDecimal("0.0000"));
        assertThat(report.of(BORIS).orElseThrow().tally().onTimeShare()).contains(new BigDecimal("1.0000"));
        assertThat(report.from()).isEqualTo(moscow("2026-03-16T00:00"));
        assertThat(report.to()).isEqualTo(moscow("2026-03-23T00:00"));
        assertThat(report.at()).isEqualTo(moscow("2026-03-20T12:00"));
    }

    @Test
    @DisplayName("applying a regulation twice to the same event creates its task once")
    void idempotent() {
        Interaction call = priceRequest(1, ANNA);
        Task first = applyTo(call);
        clock.set(moscow("2026-03-16T11:00"));
        Task again = applyTo(call);

        assertThat(again).isEqualTo(first);
        assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).containsExactly(first);
    }

    @Test
    @DisplayName("a blank source key is refused and nothing is created")
    void sourceKeyRequired() {
        assertThatThrownBy(() -> crm.regulations().apply(INVOICE, clock.instant(), ANNA, ClientFixture.id(1), null,
                " ")).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("sourceKey");
                    assertThat(v.code()).isEqualTo("regulation.sourceKey");
                }));
        assertThat(crm.tasks().ofClient(ClientFixture.id(1), 10)).isEmpty();
    }

    @Test
    @DisplayName("an open task past a Friday deadline is pending over the weekend and overdue from Monday morning")
    void overdueInBusinessTime() {
        clock.set(moscow("2026-03-19T15:00"));
        Task task = crm.regulations().apply(INVOICE, clock.instant(), ANNA, null, null, "event:1");
        assertThat(task.due()).isEqualTo(moscow("2026-03-20T18:00"));
        LocalDate from = LocalDate.of(2026, 3, 16);
        LocalDate to = LocalDate.of(2026, 3, 23);

        clock.set(moscow("2026-03-21T12:00"));
        ComplianceTally saturday = crm.regulations().compliance(from, to).of(ANNA).orElseThrow().tally();
        clock.set(moscow("2026-03-23T11:30"));
        ComplianceTally monday = crm.regulations().compliance(from, to).of(ANNA).orElseThrow().tally();

        assertThat(saturday).isEqualTo(new ComplianceTally(1, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO));
        assertThat(saturday.pending()).isEqualTo(1);
        assertThat(saturday.onTimeShare()).isEmpty();
        assertThat(monday).isEqualTo(new ComplianceTally(1, 0, 0, 1, 0, Duration.ofMinutes(150),
                Duration.ofMinutes(150)));
    }

    @Test
    @DisplayName("an invoice due Friday evening and sent on Saturday lost the client no business time: it is on time")
    void doneOffHours() {
        clock.set(moscow("2026-03-19T15:00"));
        Task task = crm.regulations().apply(INVOICE, clock.instant(), ANNA, null, null, "event:1");
        complete(task, "2026-03-21T10:00");

        ComplianceTally tally = crm.regulations().compliance(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23))
                .of(INVOICE.code(), ANNA).orElseThrow().tally();

        assertThat(tally).isEqualTo(new ComplianceTally(1, 1, 0, 0, 0, Duration.ZERO, Duration.ZERO));
    }

    @Test
    @DisplayName("a manager's performance spans regulations: the median is over all their late tasks")
    void performanceAcrossRegulations() {
        Regulation callBack = Regulation.within("call-back", "Перезвонить", TaskKind.CALL, Duration.ofHours(2));
        Task a = crm.regulations().apply(INVOICE, clock.instant(), ANNA, null, null, "event:1");   // Tue 18:00
        Task b = crm.regulations().apply(callBack, clock.instant(), ANNA, null, null, "event:2"); // Mon 12:00
        Task c = crm.regulations().apply(callBack, moscow("2026-03-16T15:00"), ANNA, null, null, "event:3");
        Task d = crm.regulations().apply(callBack, moscow("2026-03-16T15:00"), BORIS, null, null, "event:4");
        complete(b, "2026-03-16T16:00");       // late by 3 business hours (12-13, 14-16)
        complete(c, "2026-03-16T16:30");       // on time (due 17:00)
        complete(a, "2026-03-18T10:00");       // late by 1 business hour
        complete(d, "2026-03-18T09:00");       // late by 9 business hours (Monday 17:00-18:00, Tuesday)
        crm.tasks().cancel(crm.regulations().apply(callBack, moscow("2026-03-18T09:00"), BORIS, null, null,
                "event:5").id(), 1);

        ComplianceReport report = crm.regulations().compliance(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23));

        assertThat(report.byRegulation()).extracting(RegulationCompliance::regulation,
                        RegulationCompliance::responsible)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("call-back", ANNA),
                        org.assertj.core.groups.Tuple.tuple("call-back", BORIS),
                        org.assertj.core.groups.Tuple.tuple(INVOICE.code(), ANNA));
        assertThat(report.of("call-back", ANNA).orElseThrow().tally())
                .isEqualTo(new ComplianceTally(2, 1, 1, 0, 0, Duration.ofHours(3), Duration.ofHours(3)));
        assertThat(report.of("call-back", BORIS).orElseThrow().tally())
                .isEqualTo(new ComplianceTally(2, 0, 1, 0, 1, Duration.ofHours(9), Duration.ofHours(9)));
        ComplianceTally anna = report.of(ANNA).orElseThrow().tally();
        assertThat(anna).isEqualTo(new ComplianceTally(3, 1, 2, 0, 0, Duration.ofHours(2), Duration.ofHours(3)));
        assertThat(anna.onTimeShare()).contains(new BigDecimal("0.3333"));
        assertThat(report.of(BORIS).orElseThrow().tally().onTimeShare()).contains(new BigDecimal("0.0000"));
        assertThat(crm.tasks().get(d.id()).status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    @DisplayName("a report's period must end after it starts")
    void period() {
        assertThatThrownBy(() -> crm.regulations().compliance(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 16)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("report.period")));
    }

    @Test
    @DisplayName("the CRM measures business time Monday to Friday 09:00-18:00 in its zone unless given a calendar")
    void defaultCalendar() {
        Crm plain = Crm.builder().clock(clock).zone(MOSCOW).build();

        assertThat(plain.calendar()).isEqualTo(Calendars.mondayToFriday(MOSCOW));
        assertThat(plain.regulations().calendar()).isSameAs(plain.calendar());
        assertThat(crm.calendar()).isEqualTo(Calendars.russia(MOSCOW));
        // 1 working day after Friday 6 March 2026 is Monday 9 March on the plain calendar, a holiday in Russia.
        Instant friday = moscow("2026-03-06T10:00");
        assertThat(plain.regulations().deadline(INVOICE, friday)).isEqualTo(moscow("2026-03-09T18:00"));
        assertThat(crm.regulations().deadline(INVOICE, friday)).isEqualTo(moscow("2026-03-10T18:00"));
    }
}
