package org.crm4j.examples.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.calendar.WorkingInterval;
import org.crm4j.core.calendar.Calendars;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Business-time arithmetic on the Russian production calendar (Moscow, 09:00-18:00 with a break, 2025-2027
 * holidays, transfers and shortened days): {@link BusinessCalendar#plus} of 8 business hours,
 * {@link BusinessCalendar#between} and {@link BusinessCalendar#plusWorkingDays} of 5 days, at 4,096 random
 * moments (working and not) of 2025-2027, against a hand-written walk over the days that reads holidays,
 * transfers and shortened days from hash sets and maps and converts each interval with {@code ZonedDateTime}.
 * Setup checks that both give the same answers at every sample. Throughput, operations per second. Run:
 * {@code java -cp crm-examples/target/benchmarks.jar org.crm4j.examples.bench.BusinessCalendarBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class BusinessCalendarBenchmark {
    private static final int SAMPLES = 4096;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration EIGHT_HOURS = Duration.ofHours(8);

    private BusinessCalendar calendar;
    private DayWalk walk;
    private Instant[] moments;
    private Instant[] later;
    private LocalDate[] dates;
    private int next;

    @Setup
    public void setUp() {
        calendar = Calendars.russia(MOSCOW);
        walk = new DayWalk(calendar);
        SplittableRandom random = new SplittableRandom(20_251_123);
        long from = LocalDate.of(2025, 1, 1).atStartOfDay(MOSCOW).toEpochSecond();
        long to = LocalDate.of(2027, 12, 1).atStartOfDay(MOSCOW).toEpochSecond();
        moments = new Instant[SAMPLES];
        later = new Instant[SAMPLES];
        dates = new LocalDate[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            moments[i] = Instant.ofEpochSecond(random.nextLong(from, to));
            later[i] = moments[i].plus(Duration.ofMinutes(random.nextLong(1, 60L * 24 * 14)));
            dates[i] = LocalDate.ofInstant(moments[i], MOSCOW);
            check(calendar.plus(moments[i], EIGHT_HOURS), walk.plus(moments[i], EIGHT_HOURS), i);
            check(calendar.between(moments[i], later[i]), walk.between(moments[i], later[i]), i);
            check(calendar.plusWorkingDays(dates[i], 5), walk.plusWorkingDays(dates[i], 5), i);
        }
    }

    private void check(Object crm4j, Object handWritten, int i) {
        if (!crm4j.equals(handWritten)) {
            throw new IllegalStateException("sample " + i + " at " + moments[i] + ": crm4j " + crm4j
                    + ", hand-written " + handWritten);
        }
    }

    private int index() {
        return next = (next + 1) & (SAMPLES - 1);
    }

    @Benchmark
    public Instant plusEightHours() {
        return calendar.plus(moments[index()], EIGHT_HOURS);
    }

    @Benchmark
    public Instant handWrittenPlusEightHours() {
        return walk.plus(moments[index()], EIGHT_HOURS);
    }

    @Benchmark
    public Duration between() {
        int i = index();
        return calendar.between(moments[i], later[i]);
    }

    @Benchmark
    public Duration handWrittenBetween() {
        int i = index();
        return walk.between(moments[i], later[i]);
    }

    @Benchmark
    public LocalDate plusFiveWorkingDays() {
        return calendar.plusWorkingDays(dates[index()], 5);
    }

    @Benchmark
    public LocalDate handWrittenPlusFiveWorkingDays() {
        return walk.plusWorkingDays(dates[index()], 5);
    }

    public static void main(String[] args) throws RunnerException {
        Ratios.runAndPrint(BusinessCalendarBenchmark.class, "handWrittenPlusEightHours", args);
    }

    /**
     * The straightforward way: walk the days from the start, look each date up in hash sets and maps, and turn
     * each working interval into instants with {@code ZonedDateTime}.
     */
    static final class DayWalk {
        private final ZoneId zone;
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Map<LocalDate, List<WorkingInterval>> workdays = new HashMap<>();
        private final Map<LocalDate, Duration> shortened = new HashMap<>();
        private final Map<DayOfWeek, List<WorkingInterval>> week = new HashMap<>();

        DayWalk(BusinessCalendar source) {
            zone = source.zone();
            holidays.addAll(source.holidays());
            workdays.putAll(source.transferredWorkdays());
            shortened.putAll(source.shortenedDays());
            for (DayOfWeek d : DayOfWeek.values()) {
                week.put(d, source.weeklyHours(d));
            }
        }

        /** Start and end instants of the day's intervals, alternating. */
        Instant[] intervals(LocalDate date) {
            if (holidays.contains(date)) {
                return new Instant[0];
            }
            List<WorkingInterval> hours = workdays.getOrDefault(date, week.get(date.getDayOfWeek()));
            Instant[] out = new Instant[hours.size() * 2];
            for (int i = 0; i < hours.size(); i++) {
                WorkingInterval w = hours.get(i);
                out[2 * i] = ZonedDateTime.of(date, w.start(), zone).toInstant();
                out[2 * i + 1] = w.untilMidnight() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, w.end(), zone).toInstant();
            }
            Duration cut = shortened.get(date);
            int n = out.length;
            while (cut != null && n > 0 && !cut.isZero()) {
                Duration length = Duration.between(out[n - 2], out[n - 1]);
                if (length.compareTo(cut) > 0) {
                    out[n - 1] = out[n - 1].minus(cut);
                    cut = Duration.ZERO;
                } else {
                    cut = cut.minus(length);
                    n -= 2;
                }
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }

        Instant plus(Instant start, Duration amount) {
            Duration left = amount;
            LocalDate date = LocalDate.ofInstant(start, zone);
            while (true) {
                Instant[] day = intervals(date);
                for (int i = 0; i < day.length; i += 2) {
                    if (!day[i + 1].isAfter(start)) {
                        continue;
                    }
                    Instant from = day[i].isAfter(start) ? day[i] : start;
                    Duration available = Duration.between(from, day[i + 1]);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left);
                    }
                    left = left.minus(available);
                }
                date = date.plusDays(1);
            }
        }

        Duration between(Instant from, Instant to) {
            Duration sum = Duration.ZERO;
            for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(LocalDate.ofInstant(to, zone));
                    date = date.plusDays(1)) {
                Instant[] day = intervals(date);
                for (int i = 0; i < day.length; i += 2) {
                    Instant s = day[i].isAfter(from) ? day[i] : from;
                    Instant e = day[i + 1].isBefore(to) ? day[i + 1] : to;
                    if (e.isAfter(s)) {
                        sum = sum.plus(Duration.between(s, e));
                    }
                }
            }
            return sum;
        }

        LocalDate plusWorkingDays(LocalDate date, int days) {
            LocalDate d = date;
            int left = days;
            while (left > 0) {
                d = d.plusDays(1);
                if (isWorkingDay(d)) {
                    left--;
                }
            }
            return d;
        }

        private boolean isWorkingDay(LocalDate date) {
            return !holidays.contains(date)
                    && (workdays.containsKey(date) || !week.get(date.getDayOfWeek()).isEmpty());
        }
    }
}
