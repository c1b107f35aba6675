package org.crm4j.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A business calendar: working hours per weekday in a time zone, holidays, transferred working days (a weekend
 * date worked on a given schedule) and shortened days (a working date whose hours are cut at the end, typically
 * by one hour before a holiday). Regulations and deadlines are measured in it.
 *
 * <p>Dates and moments are never mixed: a day is a {@link LocalDate} in the calendar's zone, a moment an
 * {@link Instant}. A deadline is an {@code Instant}, so a manager in Vladivostok and a client in Kaliningrad see
 * the same deadline, each in their own clock.
 *
 * <p><b>Business time.</b> A moment is working time when it lies in a working interval, start inclusive, end
 * exclusive. {@link #plus(Instant, Duration)} returns the earliest moment at which the given amount of working
 * time has elapsed since the start: that is working time, or the exact end of a working interval (a call at
 * 17:00 plus one business hour is due at 18:00 the same day, not at 09:00 the next). {@link #between} measures
 * the working time in a span, so {@code between(t, plus(t, d)) == d} for every {@code t} and {@code d >= 0}.
 *
 * <p><b>Changes of offset.</b> Interval bounds are local times converted with {@link ZonedDateTime#of}: a bound
 * in a gap moves forward by the gap, a bound in an overlap takes the earlier offset. Working time is real
 * elapsed time, so a working interval across a change of offset is shorter or longer by the change, and
 * {@code 00:00-24:00} on such a day lasts 23 or 25 hours.
 *
 * <p><b>Range.</b> Arithmetic works on dates from 1950-01-01 to 2199-12-31; a question or a result outside is
 * refused with a {@link ValidationException} ({@code calendar.range}). Inside, the calendar precomputes its
 * working intervals as instants (lazily, for the years asked about), so each operation is a pair of binary
 * searches: well over a million additions a second.
 *
 * <p>Immutable and thread-safe; equal when zone, week and date exceptions are equal.
 */
public final class BusinessCalendar {
    /** The first date the arithmetic supports. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1950, 1, 1);
    /** The last date the arithmetic supports. */
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    private static final long NANOS = 1_000_000_000L;
    private static final int[] NO_HOURS = new int[0];

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingInterval>> week;
    private final NavigableSet<LocalDate> holidays;
    private final NavigableMap<LocalDate, List<WorkingInterval>> workdays;
    private final NavigableMap<LocalDate, Duration> shortened;
    /** Per weekday (0 = Monday), start and end seconds of the working intervals, alternating. */
    private final int[][] weekSeconds;
    private final int firstYear;
    private final int lastYear;
    private volatile @Nullable Table table;

    private BusinessCalendar(Builder b) {
        this.zone = b.zone;
        EnumMap<DayOfWeek, List<WorkingInterval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.copyOf(b.week.getOrDefault(d, List.of())));
        }
        this.week = Collections.unmodifiableMap(w);
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.holidays));
        TreeMap<LocalDate, List<WorkingInterval>> wd = new TreeMap<>();
        b.workdays.forEach((k, v) -> wd.put(k, List.copyOf(v)));
        this.workdays = Collections.unmodifiableNavigableMap(wd);
        this.shortened = Collections.unmodifiableNavigableMap(new TreeMap<>(b.shortened));
        this.weekSeconds = new int[7][];
        for (DayOfWeek d : DayOfWeek.values()) {
            weekSeconds[d.ordinal()] = seconds(week.get(d));
        }
        int first = 2020;
        int last = 2030;
        for (LocalDate d : exceptionDates()) {
            first = Math.min(first, d.getYear());
            last = Math.max(last, d.getYear());
        }
        this.firstYear = Math.max(first, FIRST_DATE.getYear());
        this.lastYear = Math.min(last, LAST_DATE.getYear());
    }

    /** A builder for a calendar in {@code zone}; every weekday starts with no working time. */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /** A builder holding this calendar's rules, to derive another one. */
    public Builder toBuilder() {
        Builder b = new Builder(zone);
        week.forEach((d, list) -> b.week.put(d, list));
        b.holidays.addAll(holidays);
        b.workdays.putAll(workdays);
        b.shortened.putAll(shortened);
        return b;
    }

    /** The same rules in another zone: working hours are read on the clocks of {@code other}. */
    public BusinessCalendar withZone(ZoneId other) {
        Objects.requireNonNull(other, "zone");
        Builder b = toBuilder();
        b.zone = other;
        return b.build();
    }

    /** The zone whose local dates and times the rules are written in. */
    public ZoneId zone() {
        return zone;
    }

    /** The regular working intervals of {@code day}, ordered; empty for a day off. */
    public List<WorkingInterval> weeklyHours(DayOfWeek day) {
        return week.get(Objects.requireNonNull(day, "day"));
    }

    /** The non-working dates that would otherwise be working days, or that are public holidays. */
    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** Dates worked although the weekly schedule has them off, with their working intervals. */
    public NavigableMap<LocalDate, List<WorkingInterval>> transferredWorkdays() {
        return workdays;
    }

    /** Working dates whose hours are cut at the end, with the length of the cut. */
    public NavigableMap<LocalDate, Duration> shortenedDays() {
        return shortened;
    }

    /** Whether {@code date} has any working time. */
    public boolean isWorkingDay(LocalDate date) {
        return hoursOf(Objects.requireNonNull(date, "date")).length > 0;
    }

    /** The working intervals of {@code date}, after holidays, transfers and shortening; empty for a day off. */
    public List<WorkingInterval> workingHours(LocalDate date) {
        int[] h = hoursOf(Objects.requireNonNull(date, "date"));
        List<WorkingInterval> out = new ArrayList<>(h.length / 2);
        for (int i = 0; i < h.length; i += 2) {
            out.add(new WorkingInterval(LocalTime.ofSecondOfDay(h[i]),
                    h[i + 1] == 86_400 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(h[i + 1])));
        }
        return List.copyOf(out);
    }

    /**
     * The moment working time on {@code date} ends, which is the natural deadline for something "due on"
     * that date; empty if the date is a day off.
     */
    public Optional<Instant> endOfWorkingDay(LocalDate date) {
        int[] h = hoursOf(Objects.requireNonNull(date, "date"));
        if (h.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(epochSecond(date, h[h.length - 1])));
    }

    /** Whether {@code moment} lies in a working interval (start inclusive, end exclusive). */
    public boolean isWorkingTime(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        Table t = covering(moment, "moment");
        long s = moment.getEpochSecond();
        int i = lastAtOrBefore(t.segStart, t.count, s);
        return i >= 0 && s < t.segEnd[i];
    }

    /** {@code moment} itself if it is working time, otherwise the start of the next working interval. */
    public Instant nextWorkingMoment(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        Table t = covering(moment, "moment");
        for (;;) {
            long s = moment.getEpochSecond();
            int i = lastAtOrBefore(t.segStart, t.count, s);
            if (i >= 0 && s < t.segEnd[i]) {
                return moment;
            }
            if (i + 1 < t.count) {
                return Instant.ofEpochSecond(t.segStart[i + 1]);
            }
            t = extendForward(t, "moment", moment);
        }
    }

    /**
     * The earliest moment at which {@code amount} of working time has elapsed since {@code start}; a negative
     * amount counts back to the latest moment that much working time before {@code start}. Zero gives
     * {@code start}. A positive amount lands on working time or on the exact end of a working interval.
     */
    public Instant plus(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            return start;
        }
        long nanos = amountNanos(amount);
        Table t = covering(start, "start");
        for (;;) {
            long target;
            try {
                target = Math.addExact(t.position(start), nanos);
            } catch (ArithmeticException e) {
                throw outOfRange("amount", amount);
            }
            if (nanos > 0) {
                if (target <= t.cum[t.count]) {
                    int k = firstAtOrAbove(t.cum, 1, t.count + 1, target);
                    int j = k - 1;
                    return Instant.ofEpochSecond(t.segStart[j], target - t.cum[j]);
                }
                t = extendForward(t, "amount", amount);
            } else {
                if (target >= 0 && t.count > 0) {
                    int j = lastAtOrBefore(t.cum, t.count, target);
                    return Instant.ofEpochSecond(t.segStart[j], target - t.cum[j]);
                }
                t = extendBackward(t, "amount", amount);
            }
        }
    }

    /** The latest moment {@code amount} of working time before {@code end}: {@code plus(end, amount.negated())}. */
    public Instant minus(Instant end, Duration amount) {
        Objects.requireNonNull(amount, "amount");
        return plus(end, amount.negated());
    }

    /**
     * The working time between two moments: positive when {@code from} is before {@code to}, negative when after.
     */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        covering(from, "from");
        Table t = covering(to, "to");
        return Duration.ofNanos(t.position(to) - t.position(from));
    }

    /**
     * The working day {@code days} working days after {@code date} ({@code date} itself not counted); negative
     * counts back. Zero gives {@code date} if it is a working day, else the next working day.
     */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        Table t = covering(date, "date");
        for (;;) {
            int idx = (int) (date.toEpochDay() - t.firstDay);
            boolean working = idx == 0 ? t.dayOrd[0] == 1 : t.dayOrd[idx] > t.dayOrd[idx - 1];
            long target;
            if (days > 0) {
                target = (long) t.dayOrd[idx] + days;
            } else if (days == 0) {
                if (working) {
                    return date;
                }
                target = (long) t.dayOrd[idx] + 1;
            } else {
                target = (long) t.dayOrd[idx] - (working ? 1 : 0) + days + 1;
            }
            if (target >= 1 && target <= t.dayOrd[t.days - 1]) {
                int k = firstAtOrAbove(t.dayOrd, 0, t.days, (int) target);
                return LocalDate.ofEpochDay(t.firstDay + k);
            }
            t = target < 1 ? extendBackward(t, "days", days) : extendForward(t, "days", days);
        }
    }

    /** The working day {@code days} working days before {@code date}: {@code plusWorkingDays(date, -days)}. */
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        if (days == Integer.MIN_VALUE) {
            throw new ValidationException("days", "calendar.range", days, "cannot count back " + days + " days");
        }
        return plusWorkingDays(date, -days);
    }

    /** The number of working days from {@code from} inclusive to {@code to} exclusive (negative if reversed). */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        covering(from, "from");
        Table t = covering(to, "to");
        return ordBefore(t, to) - ordBefore(t, from);
    }

    private static long ordBefore(Table t, LocalDate date) {
        int idx = (int) (date.toEpochDay() - t.firstDay);
        return idx == 0 ? 0 : t.dayOrd[idx - 1];
    }

    // ---------------------------------------------------------------- day rules

    /** Start and end seconds, alternating, of the working intervals of {@code date}. */
    int[] hoursOf(LocalDate date) {
        if (holidays.contains(date)) {
            return NO_HOURS;
        }
        List<WorkingInterval> transferred = workdays.isEmpty() ? null : workdays.get(date);
        int[] base = transferred != null ? seconds(transferred) : weekSeconds[date.getDayOfWeek().ordinal()];
        Duration cut = shortened.isEmpty() ? null : shortened.get(date);
        return cut == null ? base : cut(base, cut.getSeconds());
    }

    private static int[] seconds(List<WorkingInterval> list) {
        int[] out = new int[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            out[2 * i] = list.get(i).startSecond();
            out[2 * i + 1] = list.get(i).endSecond();
        }
        return out;
    }

    private static int[] cut(int[] hours, long cutSeconds) {
        int[] out = hours.clone();
        long left = cutSeconds;
        int n = out.length;
        while (left > 0 && n > 0) {
            int len = out[n - 1] - out[n - 2];
            if (len > left) {
                out[n - 1] -= (int) left;
                left = 0;
            } else {
                left -= len;
                n -= 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long workingSeconds(int[] hours) {
        long sum = 0;
        for (int i = 0; i < hours.length; i += 2) {
            sum += hours[i + 1] - hours[i];
        }
        return sum;
    }

    private long epochSecond(LocalDate date, int secondOfDay) {
        if (secondOfDay == 86_400) {
            return date.plusDays(1).atStartOfDay(zone).toEpochSecond();
        }
        if (secondOfDay == 0) {
            return date.atStartOfDay(zone).toEpochSecond();
        }
        return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay), zone).toEpochSecond();
    }

    private List<LocalDate> exceptionDates() {
        List<LocalDate> all = new ArrayList<>(holidays);
        all.addAll(workdays.keySet());
        all.addAll(shortened.keySet());
        return all;
    }

    // ---------------------------------------------------------------- the precomputed table

    private static long amountNanos(Duration amount) {
        if (amount.abs().compareTo(Duration.ofDays(250L * 366)) > 0) {
            throw new ValidationException("amount", "calendar.range", amount,
                    "business time of " + amount + " is beyond the calendar's range of "
                            + FIRST_DATE + " to " + LAST_DATE);
        }
        return amount.toNanos();
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = new Table(this, LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31));
                    table = t;
                }
            }
        }
        return t;
    }

    private Table covering(Instant moment, String field) {
        Table t = table();
        long s = moment.getEpochSecond();
        if (s >= t.startSecond && s < t.endSecond) {
            return t;
        }
        LocalDate date;
        try {
            date = LocalDate.ofInstant(moment, zone);
        } catch (DateTimeException e) {
            throw outOfRange(field, moment);
        }
        return cover(date.minusDays(1), date.plusDays(1), field, moment);
    }

    private Table covering(LocalDate date, String field) {
        Table t = table();
        long day = date.toEpochDay();
        if (day >= t.firstDay && day < t.firstDay + t.days) {
            return t;
        }
        return cover(date, date, field, date);
    }

    private synchronized Table cover(LocalDate from, LocalDate to, String field, Object value) {
        if (from.isBefore(FIRST_DATE.minusDays(1)) || to.isAfter(LAST_DATE.plusDays(1))) {
            throw outOfRange(field, value);
        }
        Table t = table();
        LocalDate first = LocalDate.ofEpochDay(t.firstDay);
        LocalDate last = LocalDate.ofEpochDay(t.firstDay + t.days - 1);
        if (!from.isBefore(first) && !to.isAfter(last)) {
            return t;
        }
        LocalDate newFirst = from.isBefore(first) ? min(from, first.minusYears(10)) : first;
        LocalDate newLast = to.isAfter(last) ? max(to, last.plusYears(10)) : last;
        return rebuild(newFirst, newLast);
    }

    private synchronized Table extendForward(Table seen, String field, Object value) {
        Table t = table();
        if (t != seen) {
            return t;
        }
        LocalDate last = LocalDate.ofEpochDay(t.firstDay + t.days - 1);
        if (!last.isBefore(LAST_DATE)) {
            throw outOfRange(field, value);
        }
        return rebuild(LocalDate.ofEpochDay(t.firstDay), last.plusYears(20));
    }

    private synchronized Table extendBackward(Table seen, String field, Object value) {
        Table t = table();
        if (t != seen) {
            return t;
        }
        LocalDate first = LocalDate.ofEpochDay(t.firstDay);
        if (!first.isAfter(FIRST_DATE)) {
            throw outOfRange(field, value);
        }
        return rebuild(first.minusYears(20), LocalDate.ofEpochDay(t.firstDay + t.days - 1));
    }

    private Table rebuild(LocalDate first, LocalDate last) {
        Table t = new Table(this, max(first, FIRST_DATE), min(last, LAST_DATE));
        table = t;
        return t;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static ValidationException outOfRange(String field, Object value) {
        return new ValidationException(field, "calendar.range", value,
                field + " " + value + " leads outside the calendar's range of " + FIRST_DATE + " to " + LAST_DATE);
    }

    /** Index of the last element {@code <= key} in {@code a[0, n)}, or -1. */
    private static int lastAtOrBefore(long[] a, int n, long key) {
        int i = Arrays.binarySearch(a, 0, n, key);
        return i >= 0 ? i : -i - 2;
    }

    /** Index of the first element {@code >= key} in the ascending {@code a[from, to)}, or {@code to}. */
    private static int firstAtOrAbove(long[] a, int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstAtOrAbove(int[] a, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The working intervals of a span of dates as epoch seconds, merged where they touch, with the cumulative
     * working time before each, in nanoseconds; and per date the number of working days up to it.
     */
    private static final class Table {
        final long firstDay;
        final int days;
        final long startSecond;
        final long endSecond;
        final long[] segStart;
        final long[] segEnd;
        /** cum[i]: working nanoseconds before segment i; cum[count]: the total. */
        final long[] cum;
        final int count;
        /** dayOrd[i]: working days among the dates firstDay .. firstDay + i. */
        final int[] dayOrd;

        Table(BusinessCalendar calendar, LocalDate first, LocalDate last) {
            this.firstDay = first.toEpochDay();
            this.days = (int) (last.toEpochDay() - firstDay + 1);
            this.startSecond = first.atStartOfDay(calendar.zone).toEpochSecond();
            this.endSecond = last.plusDays(1).atStartOfDay(calendar.zone).toEpochSecond();
            long[] starts = new long[days * 2 + 2];
            long[] ends = new long[days * 2 + 2];
            int[] ord = new int[days];
            int n = 0;
            int working = 0;
            LocalDate date = first;
            for (int d = 0; d < days; d++, date = date.plusDays(1)) {
                int[] h = calendar.hoursOf(date);
                if (h.length > 0) {
                    working++;
                }
                ord[d] = working;
                for (int i = 0; i < h.length; i += 2) {
                    long s = calendar.epochSecond(date, h[i]);
                    long e = calendar.epochSecond(date, h[i + 1]);
                    if (n > 0 && s < ends[n - 1]) {
                        s = ends[n - 1];
                    }
                    if (e <= s) {
                        continue;
                    }
                    if (n > 0 && s == ends[n - 1]) {
                        ends[n - 1] = e;
                    } else {
                        if (n == starts.length) {
                            starts = Arrays.copyOf(starts, n * 2);
                            ends = Arrays.copyOf(ends, n * 2);
                        }
                        starts[n] = s;
                        ends[n] = e;
                        n++;
                    }
                }
            }
            this.count = n;
            this.segStart = Arrays.copyOf(starts, n);
            this.segEnd = Arrays.copyOf(ends, n);
            this.cum = new long[n + 1];
            for (int i = 0; i < n; i++) {
                cum[i + 1] = cum[i] + (segEnd[i] - segStart[i]) * NANOS;
            }
            this.dayOrd = ord;
        }

        /** Working nanoseconds from the table's start to {@code moment}, which lies within the table. */
        long position(Instant moment) {
            long s = moment.getEpochSecond();
            int i = lastAtOrBefore(segStart, count, s);
            if (i < 0) {
                return 0;
            }
            long within = (s - segStart[i]) * NANOS + moment.getNano();
            long length = cum[i + 1] - cum[i];
            return cum[i] + Math.min(within, length);
        }
    }

    // ---------------------------------------------------------------- value

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BusinessCalendar c && zone.equals(c.zone) && week.equals(c.week)
                && holidays.equals(c.holidays) && workdays.equals(c.workdays) && shortened.equals(c.shortened);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, week, holidays, workdays, shortened);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", week " + week + ", " + holidays.size() + " holidays, "
                + workdays.size() + " transferred workdays, " + shortened.size() + " shortened days]";
    }

    /**
     * Collects the rules of a {@link BusinessCalendar}. Each method refuses at once what it can judge alone (a
     * date given twice, a holiday also declared a working day); {@link #build()} checks the rest against the
     * weekly schedule. Every refusal is a {@link ValidationException} naming the field and the rule, and leaves
     * the builder unchanged. Not thread-safe.
     */
    public static final class Builder {
        private ZoneId zone;
        private final EnumMap<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        private final TreeSet<LocalDate> holidays = new TreeSet<>();
        private final TreeMap<LocalDate, List<WorkingInterval>> workdays = new TreeMap<>();
        private final TreeMap<LocalDate, Duration> shortened = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /** Sets the zone the rules are read in. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Sets the working intervals of {@code day}: ordered, not overlapping; none makes it a day off. */
        public Builder week(DayOfWeek day, List<WorkingInterval> intervals) {
            Objects.requireNonNull(day, "day");
            week.put(day, checkedIntervals("week." + day, intervals));
            return this;
        }

        /** Sets the working intervals of {@code day}: ordered, not overlapping; none makes it a day off. */
        public Builder week(DayOfWeek day, WorkingInterval... intervals) {
            return week(day, List.of(intervals));
        }

        /** Sets the same working intervals for every day from {@code first} to {@code last}, wrapping round. */
        public Builder week(DayOfWeek first, DayOfWeek last, List<WorkingInterval> intervals) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            List<WorkingInterval> checked = checkedIntervals("week." + first, intervals);
            DayOfWeek d = first;
            while (true) {
                week.put(d, checked);
                if (d == last) {
                    return this;
                }
                d = d.plus(1);
            }
        }

        /** Declares {@code date} a non-working day. */
        public Builder holiday(LocalDate date) {
            Objects.requireNonNull(date, "date");
            String field = "holidays[" + date + "]";
            if (holidays.contains(date)) {
                throw twice(field, date, "holiday");
            }
            if (workdays.containsKey(date)) {
                throw contradiction(field, date, "a holiday", "a transferred working day");
            }
            if (shortened.containsKey(date)) {
                throw contradiction(field, date, "a holiday", "a shortened working day");
            }
            holidays.add(date);
            return this;
        }

        /** Declares every date from {@code first} to {@code last}, both inclusive, a non-working day. */
        public Builder holidays(LocalDate first, LocalDate last) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (last.isBefore(first)) {
                throw new ValidationException("holidays[" + first + ".." + last + "]", "calendar.period.order",
                        first + ".." + last, "a period must not end before it starts: " + first + ".." + last);
            }
            Builder probe = copy();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                probe.holiday(d);
            }
            holidays.clear();
            holidays.addAll(probe.holidays);
            return this;
        }

        /**
         * Declares {@code date}, a day off in the weekly schedule, a working day with {@code intervals} (a
         * weekend day worked in exchange for a day off elsewhere).
         */
        public Builder workday(LocalDate date, List<WorkingInterval> intervals) {
            Objects.requireNonNull(date, "date");
            String field = "workdays[" + date + "]";
            List<WorkingInterval> checked = checkedIntervals(field, intervals);
            if (checked.isEmpty()) {
                throw new ValidationException(field, "calendar.workday.empty", date,
                        "a transferred working day " + date + " needs working hours");
            }
            if (workdays.containsKey(date)) {
                throw twice(field, date, "transferred working day");
            }
            if (holidays.contains(date)) {
                throw contradiction(field, date, "a transferred working day", "a holiday");
            }
            List<WorkingInterval> regular = week.get(date.getDayOfWeek());
            if (regular != null && !regular.isEmpty()) {
                throw alreadyWorking(field, date);
            }
            workdays.put(date, checked);
            return this;
        }

        /** Declares {@code date} a working day with the regular hours of {@code like}. */
        public Builder workday(LocalDate date, DayOfWeek like) {
            Objects.requireNonNull(like, "like");
            return workday(date, week.getOrDefault(like, List.of()));
        }

        /** Cuts {@code cut} off the end of working date {@code date}'s hours (a pre-holiday day). */
        public Builder shortened(LocalDate date, Duration cut) {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(cut, "cut");
            String field = "shortened[" + date + "]";
            if (cut.isNegative() || cut.isZero() || cut.getNano() != 0) {
                throw new ValidationException(field, "calendar.shortened.cut", cut,
                        "a day is shortened by a positive whole number of seconds, not " + cut);
            }
            if (shortened.containsKey(date)) {
                throw twice(field, date, "shortened day");
            }
            if (holidays.contains(date)) {
                throw contradiction(field, date, "a shortened working day", "a holiday");
            }
            shortened.put(date, cut);
            try {
                checkShortened(date, cut);
            } catch (ValidationException e) {
                shortened.remove(date);
                throw e;
            }
            return this;
        }

        /**
         * The calendar. Refuses a week without any working time (adding business time would never end), a
         * transferred working day on a regular working day, and a shortened day that is not a working day or
         * whose cut is not shorter than its working time.
         */
        public BusinessCalendar build() {
            Violations v = new Violations();
            boolean anyWork = week.values().stream().anyMatch(l -> !l.isEmpty());
            if (!anyWork) {
                v.add("week", "calendar.week.empty", null,
                        "a weekly schedule needs some working time, or adding business time would never end");
            }
            for (LocalDate d : workdays.keySet()) {
                List<WorkingInterval> regular = week.get(d.getDayOfWeek());
                if (regular != null && !regular.isEmpty()) {
                    v.addAll(alreadyWorking("workdays[" + d + "]", d).violations());
                }
            }
            shortened.forEach((d, cut) -> {
                try {
                    checkShortened(d, cut);
                } catch (ValidationException e) {
                    v.addAll(e.violations());
                }
            });
            v.throwIfAny();
            return new BusinessCalendar(this);
        }

        private void checkShortened(LocalDate date, Duration cut) {
            List<WorkingInterval> hours = workdays.containsKey(date) ? workdays.get(date)
                    : week.getOrDefault(date.getDayOfWeek(), List.of());
            long working = workingSeconds(seconds(hours));
            String field = "shortened[" + date + "]";
            if (working == 0) {
                throw new ValidationException(field, "calendar.shortened.dayOff", date,
                        "only a working day can be shortened; " + date + " is a day off");
            }
            if (cut.getSeconds() >= working) {
                throw new ValidationException(field, "calendar.shortened.cut", cut,
                        "a cut of " + cut + " leaves no working time on " + date + " (" + Duration.ofSeconds(working)
                                + ")");
            }
        }

        private Builder copy() {
            Builder b = new Builder(zone);
            b.week.putAll(week);
            b.holidays.addAll(holidays);
            b.workdays.putAll(workdays);
            b.shortened.putAll(shortened);
            return b;
        }

        private static List<WorkingInterval> checkedIntervals(String field, List<WorkingInterval> intervals) {
            Objects.requireNonNull(intervals, "intervals");
            List<WorkingInterval> list = List.copyOf(intervals);
            for (int i = 1; i < list.size(); i++) {
                WorkingInterval prev = list.get(i - 1);
                WorkingInterval next = list.get(i);
                if (prev.untilMidnight() || next.startSecond() < prev.endSecond()) {
                    throw new ValidationException(field, "calendar.week.overlap", prev + " " + next,
                            "working intervals must be ordered and must not overlap: " + prev + " then " + next);
                }
            }
            return list;
        }

        private static ValidationException twice(String field, LocalDate date, String what) {
            return new ValidationException(field, "calendar.date.duplicate", date,
                    date + " is declared a " + what + " twice");
        }

        private static ValidationException contradiction(String field, LocalDate date, String now, String before) {
            return new ValidationException(field, "calendar.date.contradiction", date,
                    date + " cannot be " + now + ": it is already " + before);
        }

        private static ValidationException alreadyWorking(String field, LocalDate date) {
            return new ValidationException(field, "calendar.workday.alreadyWorking", date,
                    date + " is a " + date.getDayOfWeek() + ", already a working day in the weekly schedule");
        }
    }
}
