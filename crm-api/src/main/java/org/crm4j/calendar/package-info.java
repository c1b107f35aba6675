/**
 * The business calendar (M-5.3): {@link org.crm4j.calendar.BusinessCalendar}, working hours per weekday in a time
 * zone with holidays, transferred working days and shortened pre-holiday days, and the arithmetic that measures
 * regulations and deadlines in business time.
 */
@NullMarked
package org.crm4j.calendar;

import org.jspecify.annotations.NullMarked;
