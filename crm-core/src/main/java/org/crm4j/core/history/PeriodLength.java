package org.crm4j.core.history;

import java.time.LocalDate;

/** The periods a client's figures are given by: calendar months, quarters or years. */
public enum PeriodLength {
    MONTH(1), QUARTER(3), YEAR(12);

    private final int months;

    PeriodLength(int months) {
        this.months = months;
    }

    /** The first day of the period {@code date} falls in. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return start.plusMonths(months);
    }
}
