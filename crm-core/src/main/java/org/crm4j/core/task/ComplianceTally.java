package org.crm4j.core.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crm4j.common.ValidationException;

/**
 * How a set of regulated tasks due in a period stands at the report's moment, in business time (M-5.3, M-5.4).
 * A task is late when business time passed between its deadline and its completion (or, still open, the report's
 * moment): one done after its deadline but before working time resumed (a Friday-evening deadline met on
 * Saturday) is on time, and one still open then is pending, not overdue. So a lateness is zero exactly for the
 * tasks counted on time or pending. Immutable.
 *
 * @param due            the tasks due in the period, whatever their status
 * @param onTime         done with no business time past the deadline
 * @param late           done with business time past the deadline
 * @param overdue        still open with business time past the deadline
 * @param cancelled      cancelled
 * @param medianLateness the median business lateness of the late and overdue tasks (the mean of the two middle
 *                       ones for an even number); zero when there are none
 * @param worstLateness  the greatest of them; zero when there are none
 */
public record ComplianceTally(long due, long onTime, long late, long overdue, long cancelled,
                              Duration medianLateness, Duration worstLateness) {
    public ComplianceTally {
        if (due < 0 || onTime < 0 || late < 0 || overdue < 0 || cancelled < 0
                || onTime + late + overdue + cancelled > due) {
            throw new ValidationException("tally", "compliance.tally", due + "/" + onTime + "/" + late + "/"
                    + overdue + "/" + cancelled, "counts are not negative and their parts do not exceed the tasks due");
        }
    }

    /** The tasks still open and not late. */
    public long pending() {
        return due - onTime - late - overdue - cancelled;
    }

    /**
     * The share of the judged tasks (on time, late or overdue) that were done on time, from 0 to 1 with four
     * decimals; empty when none could be judged yet.
     */
    public Optional<BigDecimal> onTimeShare() {
        long judged = onTime + late + overdue;
        if (judged == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(judged), 4, RoundingMode.HALF_UP));
    }

    /**
     * A tally from the clock's counts and the business lateness of the tasks past their deadline by the clock:
     * those of zero lateness move from late to on time (done) or from overdue to pending (open).
     */
    static ComplianceTally of(long due, long onTime, long late, long overdue, long cancelled,
                              Collection<Duration> latenessOfDone, Collection<Duration> latenessOfOpen) {
        List<Duration> positive = new ArrayList<>();
        long doneInTime = 0;
        for (Duration d : latenessOfDone) {
            if (d.isZero() || d.isNegative()) {
                doneInTime++;
            } else {
                positive.add(d);
            }
        }
        long openInTime = 0;
        for (Duration d : latenessOfOpen) {
            if (d.isZero() || d.isNegative()) {
                openInTime++;
            } else {
                positive.add(d);
            }
        }
        positive.sort(null);
        Duration median = Duration.ZERO;
        Duration worst = Duration.ZERO;
        int n = positive.size();
        if (n > 0) {
            worst = positive.get(n - 1);
            median = n % 2 == 1 ? positive.get(n / 2)
                    : positive.get(n / 2 - 1).plus(positive.get(n / 2)).dividedBy(2);
        }
        // The two queries behind a report may straddle a concurrent change: never move more than was counted.
        doneInTime = Math.min(doneInTime, late);
        openInTime = Math.min(openInTime, overdue);
        return new ComplianceTally(due, onTime + doneInTime, late - doneInTime, overdue - openInTime, cancelled,
                median, worst);
    }
}
