package org.crm4j.core.schedule;

import java.time.Duration;
import java.util.Objects;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.task.Regulation;
import org.crm4j.task.TaskPriority;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link SchedulingRule} does when it fires for a client: create a task for the responsible manager, notify
 * the manager, escalate the task to a supervisor when it is overdue. Immutable values.
 */
public sealed interface RuleAction {
    /**
     * Creates a task for the client's responsible manager under {@code regulation}: of its kind, titled with its
     * name, due at its deadline after the trigger in the business calendar
     * ({@link Regulation#deadlineAfter(java.time.Instant, BusinessCalendar)}), remembering its code, so compliance
     * with the rule is a query.
     *
     * @param regulation the deadline and what the task asks for
     * @param priority   the task's priority
     */
    record CreateTask(Regulation regulation, TaskPriority priority) implements RuleAction {
        public CreateTask {
            Objects.requireNonNull(regulation, "regulation");
            Objects.requireNonNull(priority, "priority");
        }
    }

    /**
     * Notifies the client's responsible manager through {@code channel}, at the first working moment from the
     * trigger (nobody is notified at night because a rule ran then).
     *
     * @param channel the channel code
     * @param subject the subject, 1 to 300 characters once filled
     * @param body    the text, possibly empty
     */
    record Notify(String channel, MessageText subject, MessageText body) implements RuleAction {
        public Notify {
            channel = checkChannel(channel);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            if (subject.text().isBlank()) {
                throw new ValidationException("subject", "rule.notify.subject", subject.text(),
                        "a notification has a subject");
            }
        }

        /** A notice with the given texts. */
        public static Notify of(String channel, String subject, String body) {
            return new Notify(channel, new MessageText(subject), new MessageText(body));
        }
    }

    /**
     * Escalates the task the rule created when it is still open {@code overdueBy} of business time after its
     * deadline: a notification through {@code channel} to {@code to}, or when none is named, to the supervisor of
     * the task's responsible employee ({@link org.crm4j.schedule.Supervisors}). A rule that escalates also creates
     * a task.
     *
     * @param overdueBy the business time past the deadline, zero (at the deadline) to 10,000 hours, whole seconds
     * @param channel   the channel code
     * @param to        whom to tell, or {@code null} for the supervisor
     */
    record Escalate(Duration overdueBy, String channel, @Nullable EmployeeId to) implements RuleAction {
        public Escalate {
            Objects.requireNonNull(overdueBy, "overdueBy");
            Violations v = new Violations();
            if (overdueBy.isNegative() || overdueBy.getNano() != 0
                    || overdueBy.compareTo(Regulation.MAX_BUSINESS_TIME) > 0) {
                v.add("overdueBy", "rule.escalate.overdueBy", overdueBy, "an escalation waits 0 to "
                        + Regulation.MAX_BUSINESS_TIME + " of business time in whole seconds, was " + overdueBy);
            }
            v.throwIfAny();
            channel = checkChannel(channel);
        }
    }

    private static String checkChannel(String channel) {
        String c = channel == null ? "" : channel.strip();
        if (!ClassifierEntry.isCode(c)) {
            throw new ValidationException("channel", "classifier.code", c, "a channel is a code, was '" + c + "'");
        }
        return c;
    }
}
