package org.crm4j.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.calendar.WorkingInterval;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.jspecify.annotations.Nullable;

/**
 * The business calendars crm4j ships, and the reader of the text format they are written in.
 *
 * <p>The format: one directive a line, {@code #} starts a comment, blank lines are ignored.
 * <pre>
 * zone Europe/Moscow                      # the zone the rules are read in (once)
 * week mon-fri 09:00-13:00 14:00-18:00     # working intervals of a day or a range of days
 * week sat-sun off                         # days off (days never named are off too)
 * holiday 2025-01-01..2025-01-08           # a non-working date or period, both ends inclusive
 * workday 2025-11-01 like mon              # a day off worked, with the hours of a weekday ...
 * workday 2025-11-02 10:00-15:00           # ... or with its own intervals
 * shortened 2025-11-01 1h                  # a working date cut at the end (1h, 30m, 1h30m or PT1H)
 * </pre>
 * {@code 24:00} ends an interval at midnight. {@code zone} and {@code week} lines are read first, wherever they
 * stand, so that every date line is judged against the whole week. A line that cannot be read, a bad date, an
 * unknown directive, a period that overlaps another, a date that is both a holiday and a working day, a
 * working day declared on a regular working day, a shortened day off: each is refused with a
 * {@link ValidationException} whose field is {@code line <n>} and whose message quotes the line.
 *
 * <p>Thread-safe. A shipped calendar is read once per zone and shared: it is immutable, and sharing it keeps the
 * working time it has precomputed.
 */
public final class Calendars {
    private static final String RUSSIA = "ru-2025-2027.calendar";
    /** Shipped calendars already read, by file and zone: a calendar keeps the working time it computed. */
    private static final ConcurrentMap<String, BusinessCalendar> SHIPPED = new ConcurrentHashMap<>();
    private static final Pattern CUT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private Calendars() {
    }

    /**
     * The Russian production calendar for 2025-2027 in {@code zone}: a five-day week of 8 hours, 09:00-18:00 with
     * a break 13:00-14:00; holidays, transfers and shortened pre-holiday days as decreed for 2025 (decree
     * No. 1335 of 04.10.2024) and 2026 (No. 1466 of 24.09.2025). For 2027 no decree was available: the file
     * follows the Labour Code alone (holidays of art. 112, its automatic weekend transfers, the pre-holiday
     * days of art. 95) and says so. Outside 2025-2027 it is the plain five-day week.
     */
    public static BusinessCalendar russia(ZoneId zone) {
        return resource(RUSSIA, zone);
    }

    /** {@link #russia(ZoneId)} in Moscow time. */
    public static BusinessCalendar russia() {
        return resource(RUSSIA, null);
    }

    /** Monday to Friday, 09:00-18:00 without a break, no holidays. */
    public static BusinessCalendar mondayToFriday(ZoneId zone) {
        return resource("monday-friday.calendar", Objects.requireNonNull(zone, "zone"));
    }

    /** Every moment of every day is working time. */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return resource("twenty-four-seven.calendar", Objects.requireNonNull(zone, "zone"));
    }

    /** Reads a calendar file (UTF-8); it must name its zone. */
    public static BusinessCalendar load(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar " + file, e);
        }
    }

    /**
     * Reads a calendar in the format above; {@code zone}, when given, replaces the zone the file names (and
     * makes the {@code zone} line optional).
     */
    public static BusinessCalendar load(Reader reader, @Nullable ZoneId zone) {
        Objects.requireNonNull(reader, "reader");
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar", e);
        }
        return parse(lines, zone);
    }

    private static BusinessCalendar resource(String name, @Nullable ZoneId zone) {
        return SHIPPED.computeIfAbsent(name + " " + (zone == null ? "" : zone.getId()), key -> read(name, zone));
    }

    private static BusinessCalendar read(String name, @Nullable ZoneId zone) {
        InputStream in = Calendars.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the calendar " + name + " is missing from crm-core");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(reader, zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar " + name, e);
        }
    }

    private static BusinessCalendar parse(List<String> lines, @Nullable ZoneId zoneOverride) {
        ZoneId fileZone = null;
        int zoneLine = 0;
        BusinessCalendar.Builder b = BusinessCalendar.builder(ZoneId.of("UTC"));
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i);
                String text = strip(raw);
                if (text.isEmpty()) {
                    continue;
                }
                String[] words = text.split("\\s+");
                String directive = words[0].toLowerCase(Locale.ROOT);
                boolean header = directive.equals("zone") || directive.equals("week");
                if (header != (pass == 0)) {
                    continue;
                }
                int number = i + 1;
                try {
                    switch (directive) {
                        case "zone" -> {
                            if (zoneLine != 0) {
                                throw bad("calendar.file.zone", "the zone is already given on line " + zoneLine);
                            }
                            arity(words, 2, 2);
                            try {
                                fileZone = ZoneId.of(words[1]);
                            } catch (DateTimeException e) {
                                throw bad("calendar.file.zone", "unknown zone '" + words[1] + "'");
                            }
                            zoneLine = number;
                        }
                        case "week" -> week(b, words);
                        case "holiday" -> holiday(b, words);
                        case "workday" -> workday(b, words);
                        case "shortened" -> shortened(b, words);
                        default -> throw bad("calendar.file.directive", "unknown directive '" + words[0]
                                + "' (zone, week, holiday, workday, shortened)");
                    }
                } catch (ValidationException e) {
                    throw atLine(number, raw, e);
                }
            }
        }
        ZoneId zone = zoneOverride != null ? zoneOverride : fileZone;
        if (zone == null) {
            throw new ValidationException("zone", "calendar.file.zone", null,
                    "a calendar file needs a 'zone' line, such as 'zone Europe/Moscow'");
        }
        b.zone(zone);
        try {
            return b.build();
        } catch (ValidationException e) {
            List<Violation> found = new ArrayList<>();
            for (Violation v : e.violations()) {
                found.add(new Violation("calendar", v.code(), v.rejectedValue(), v.field() + ": " + v.message()));
            }
            throw new ValidationException(found);
        }
    }

    private static void week(BusinessCalendar.Builder b, String[] words) {
        arity(words, 3, Integer.MAX_VALUE);
        String days = words[1].toLowerCase(Locale.ROOT);
        int dash = days.indexOf('-');
        DayOfWeek first = day(dash < 0 ? days : days.substring(0, dash));
        DayOfWeek last = dash < 0 ? first : day(days.substring(dash + 1));
        List<WorkingInterval> intervals = words.length == 3 && words[2].equalsIgnoreCase("off") ? List.of()
                : intervals(words, 2);
        b.week(first, last, intervals);
    }

    private static void holiday(BusinessCalendar.Builder b, String[] words) {
        arity(words, 2, 2);
        String period = words[1];
        int dots = period.indexOf("..");
        if (dots < 0) {
            b.holiday(date(period));
        } else {
            b.holidays(date(period.substring(0, dots)), date(period.substring(dots + 2)));
        }
    }

    private static void workday(BusinessCalendar.Builder b, String[] words) {
        arity(words, 3, Integer.MAX_VALUE);
        LocalDate date = date(words[1]);
        if (words[2].equalsIgnoreCase("like")) {
            arity(words, 4, 4);
            b.workday(date, day(words[3]));
        } else {
            b.workday(date, intervals(words, 2));
        }
    }

    private static void shortened(BusinessCalendar.Builder b, String[] words) {
        arity(words, 3, 3);
        b.shortened(date(words[1]), cut(words[2]));
    }

    private static Duration cut(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw bad("calendar.file.duration", "'" + text + "' is not a duration (1h, 30m, 1h30m, PT1H)");
            }
        }
        Matcher m = CUT.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw bad("calendar.file.duration", "'" + text + "' is not a duration (1h, 30m, 1h30m, PT1H)");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    private static List<WorkingInterval> intervals(String[] words, int from) {
        List<WorkingInterval> out = new ArrayList<>();
        for (int i = from; i < words.length; i++) {
            out.add(WorkingInterval.parse(words[i]));
        }
        return out;
    }

    private static DayOfWeek day(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        DayOfWeek d = DAYS.get(key.length() > 3 ? key.substring(0, 3) : key);
        if (d == null || (key.length() > 3 && !d.name().toLowerCase(Locale.ROOT).equals(key))) {
            throw bad("calendar.file.day", "'" + text + "' is not a day of the week (mon..sun)");
        }
        return d;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad("calendar.file.date", "'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static void arity(String[] words, int min, int max) {
        if (words.length < min || words.length > max) {
            throw bad("calendar.file.syntax", "wrong number of words for '" + words[0] + "'");
        }
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static ValidationException bad(String code, String message) {
        return new ValidationException("line", code, null, message);
    }

    private static ValidationException atLine(int number, String raw, ValidationException e) {
        List<Violation> found = new ArrayList<>();
        for (Violation v : e.violations()) {
            found.add(new Violation("line " + number, v.code(), raw.strip(),
                    "line " + number + " \"" + raw.strip() + "\": " + v.message()));
        }
        return new ValidationException(found);
    }
}
