package org.crm4j.examples;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.common.ValidationException;
import org.crm4j.core.calendar.Calendars;

/**
 * The business calendar (M-5.3): a client calls on Friday evening before the May holidays; the regulation gives
 * the manager 8 business hours to send the invoice. The deadline is one instant, read on the clocks of a manager
 * in Vladivostok and a client in Kaliningrad; a calendar file with a wrong line is refused with its number.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.BusinessCalendarExample}
 */
public final class BusinessCalendarExample {
    private BusinessCalendarExample() {
    }

    public static void main(String[] args) {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        BusinessCalendar russia = Calendars.russia(moscow);
        Instant call = LocalDateTime.parse("2026-04-30T15:00").atZone(moscow).toInstant();
        Instant due = russia.plus(call, Duration.ofHours(8));
        System.out.println("Called " + call.atZone(moscow) + " (the eve of 1 May ends at "
                + russia.endOfWorkingDay(LocalDate.of(2026, 4, 30)).orElseThrow().atZone(moscow).toLocalTime() + ")");
        System.out.println("Invoice due " + due.atZone(moscow));
        System.out.println("  the manager in Vladivostok sees " + due.atZone(ZoneId.of("Asia/Vladivostok")));
        System.out.println("  the client in Kaliningrad sees  " + due.atZone(ZoneId.of("Europe/Kaliningrad")));
        Instant sent = LocalDateTime.parse("2026-05-08T11:00").atZone(moscow).toInstant();
        System.out.println("Invoice sent " + sent.atZone(moscow) + " after " + russia.between(call, sent)
                + " of business time: " + (sent.isAfter(due) ? "late" : "in time"));
        System.out.println("Five working days after 30 April: " + russia.plusWorkingDays(LocalDate.of(2026, 4, 30), 5));
        try {
            Calendars.load(new StringReader("zone Europe/Moscow\nweek mon-fri 09:00-18:00\nholiday 2026-02-30\n"), null);
        } catch (ValidationException e) {
            System.out.println("Refused: " + e.violations());
        }
    }
}
