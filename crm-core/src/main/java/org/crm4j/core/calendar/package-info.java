/**
 * Ready business calendars and the reader of the calendar file format: {@link org.crm4j.core.calendar.Calendars}.
 */
@NullMarked
package org.crm4j.core.calendar;

import org.jspecify.annotations.NullMarked;
