package org.crm4j.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.crm4j.common.ValidationException;

/**
 * A span of working time within one day, from {@code start} (inclusive) to {@code end} (exclusive), in whole
 * seconds. An {@code end} of {@link LocalTime#MIDNIGHT} means the end of the day, written {@code 24:00}: an
 * interval cannot end at the start of its own day, so the reading is unambiguous ({@code 00:00-24:00} is a
 * whole day). Immutable and thread-safe.
 *
 * @param start the first working moment of the interval, local time
 * @param end   the first moment after the interval, local time; {@code 00:00} stands for {@code 24:00}
 */
public record WorkingInterval(LocalTime start, LocalTime end) {
    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new ValidationException("interval", "calendar.interval.precision", text(start, end),
                    "a working interval is given in whole seconds: " + text(start, end));
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new ValidationException("interval", "calendar.interval.order", text(start, end),
                    "a working interval must start before it ends: " + text(start, end));
        }
    }

    /** The interval from {@code start} to {@code end}; see the record's description for {@code 24:00}. */
    public static WorkingInterval of(LocalTime start, LocalTime end) {
        return new WorkingInterval(start, end);
    }

    /** The whole day, {@code 00:00-24:00}. */
    public static WorkingInterval wholeDay() {
        return new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /**
     * Reads {@code HH:mm-HH:mm} (seconds allowed, {@code 24:00} as the end of the day), as {@link #toString()}
     * writes it.
     */
    public static WorkingInterval parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int dash = s.indexOf('-');
        if (dash < 0) {
            throw new ValidationException("interval", "calendar.interval.format", text,
                    "a working interval is written HH:mm-HH:mm, not '" + text + "'");
        }
        LocalTime start = time(s.substring(0, dash).strip(), text, false);
        LocalTime end = time(s.substring(dash + 1).strip(), text, true);
        return new WorkingInterval(start, end);
    }

    private static LocalTime time(String value, String whole, boolean end) {
        if (end && (value.equals("24:00") || value.equals("24:00:00"))) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException("interval", "calendar.interval.format", whole,
                    "a working interval is written HH:mm-HH:mm, not '" + whole + "'");
        }
    }

    /** Whether the interval runs to the end of the day. */
    public boolean untilMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** Seconds from the start of the day to {@code start}. */
    int startSecond() {
        return start.toSecondOfDay();
    }

    /** Seconds from the start of the day to {@code end}; 86,400 for {@code 24:00}. */
    int endSecond() {
        return untilMidnight() ? 86_400 : end.toSecondOfDay();
    }

    /** The nominal length, as on a day without a change of offset. */
    public Duration length() {
        return Duration.ofSeconds(endSecond() - startSecond());
    }

    @Override
    public String toString() {
        return text(start, end);
    }

    private static String text(LocalTime start, LocalTime end) {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
