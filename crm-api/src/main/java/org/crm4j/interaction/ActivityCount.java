package org.crm4j.interaction;

import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * How many interactions of one type one manager had in a period (M-3.4).
 *
 * @param manager the manager, or {@code null} for interactions recorded without one
 * @param type    the interaction-type code
 * @param count   how many, above 0
 */
public record ActivityCount(@Nullable EmployeeId manager, String type, long count) {
}
