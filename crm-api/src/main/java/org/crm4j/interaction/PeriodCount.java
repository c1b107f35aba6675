package org.crm4j.interaction;

import org.jspecify.annotations.Nullable;

/**
 * How many interactions with one lead source fell in one period of a report.
 *
 * @param leadSource the lead-source code, or {@code null} for interactions without one
 * @param period     the period's index, from 0
 * @param count      how many, above 0
 */
public record PeriodCount(@Nullable String leadSource, int period, long count) {
}
