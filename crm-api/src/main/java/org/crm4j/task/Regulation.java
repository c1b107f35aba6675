package org.crm4j.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A regulation (M-5.3, регламент): the deadline of an operation after the event that calls for it, measured in
 * business time: "an invoice within one working day of a call asking for a price". Applying it to an event
 * creates a task of {@link #kind()} that remembers the regulation's {@link #code()}, so compliance per regulation
 * and per manager is a query over tasks. Immutable and thread-safe.
 *
 * <p>The deadline is one of:
 * <ul>
 *   <li>an amount of <b>business time</b> ({@link #businessTime()}): the moment that much working time has
 *       elapsed since the trigger ({@link BusinessCalendar#plus}); a call at 17:00 with "8 business hours" on a
 *       09:00-18:00 calendar is due at 16:00 the next working day;</li>
 *   <li>a number of <b>working days</b> ({@link #workingDays()}): the end of the working day that many working
 *       days after the day the trigger is handled on, which is the day of the trigger when it falls in working
 *       time, or else the day of the next working moment (a call on Saturday is handled on Monday). Zero is the
 *       end of that day itself.</li>
 * </ul>
 *
 * @param code         the regulation's code, a classifier code (1 to 64 lower-case letters, digits, '_', '.', '-')
 * @param name         what it asks for, 1 to 300 characters; the title of the tasks it creates
 * @param kind         the kind of task it creates
 * @param businessTime the business time allowed, positive, whole seconds, at most 10,000 hours; or {@code null}
 *                     when the deadline is in working days
 * @param workingDays  the working days allowed, 0 to 1000; or {@code null} when the deadline is business time
 */
public record Regulation(String code, String name, TaskKind kind, @Nullable Duration businessTime,
                         @Nullable Integer workingDays) {
    /** The longest business time a regulation allows. */
    public static final Duration MAX_BUSINESS_TIME = Duration.ofHours(10_000);
    /** The most working days a regulation allows. */
    public static final int MAX_WORKING_DAYS = 1000;

    public Regulation {
        Objects.requireNonNull(kind, "kind");
        Violations v = new Violations();
        code = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(code)) {
            v.add("code", "classifier.code", code, "a regulation code is 1 to 64 lower-case letters, digits, '_', "
                    + "'.' or '-', starting with a letter or a digit; was '" + code + "'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 300) {
            v.add("name", "regulation.name", name, "a regulation's name has 1 to 300 characters");
        }
        if ((businessTime == null) == (workingDays == null)) {
            v.add("deadline", "regulation.deadline", businessTime == null ? null : businessTime + " and "
                    + workingDays + " working days", "a regulation allows either business time or working days");
        }
        if (businessTime != null && (businessTime.isNegative() || businessTime.isZero()
                || businessTime.getNano() != 0 || businessTime.compareTo(MAX_BUSINESS_TIME) > 0)) {
            v.add("businessTime", "regulation.businessTime", businessTime,
                    "the business time allowed is a positive whole number of seconds up to " + MAX_BUSINESS_TIME
                            + ", was " + businessTime);
        }
        if (workingDays != null && (workingDays < 0 || workingDays > MAX_WORKING_DAYS)) {
            v.add("workingDays", "regulation.workingDays", workingDays,
                    "the working days allowed are 0 to " + MAX_WORKING_DAYS + ", was " + workingDays);
        }
        v.throwIfAny();
    }

    /** A regulation allowing {@code businessTime} of working time after its trigger. */
    public static Regulation within(String code, String name, TaskKind kind, Duration businessTime) {
        return new Regulation(code, name, kind, Objects.requireNonNull(businessTime, "businessTime"), null);
    }

    /** A regulation due at the end of the working day {@code workingDays} working days after its trigger's. */
    public static Regulation withinWorkingDays(String code, String name, TaskKind kind, int workingDays) {
        return new Regulation(code, name, kind, null, workingDays);
    }

    /**
     * The deadline of the operation this regulation asks for after {@code trigger}, in {@code calendar}.
     *
     * @throws org.crm4j.common.ValidationException ({@code calendar.range}) when the deadline falls outside the
     *                                              calendar's arithmetic range
     */
    public Instant deadlineAfter(Instant trigger, BusinessCalendar calendar) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(calendar, "calendar");
        if (businessTime != null) {
            return calendar.plus(trigger, businessTime);
        }
        LocalDate handled = calendar.nextWorkingMoment(trigger).atZone(calendar.zone()).toLocalDate();
        LocalDate dueDay = calendar.plusWorkingDays(handled, Objects.requireNonNull(workingDays, "workingDays"));
        return calendar.endOfWorkingDay(dueDay).orElseThrow();
    }
}
