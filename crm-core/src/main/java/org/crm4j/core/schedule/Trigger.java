package org.crm4j.core.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.keydate.NotableEventKind;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.jspecify.annotations.Nullable;

/**
 * What sets a {@link SchedulingRule} off. Each kind of trigger fires once per occasion, and the occasion is part of
 * the key of what the rule creates, which makes evaluation idempotent:
 * <ul>
 *   <li>{@link InteractionRecorded}: an interaction of one of the given types was recorded; the occasion is the
 *       interaction, and the rule runs in the transaction that records it;</li>
 *   <li>{@link KeyDate}: a notable event of a client (a birthday, a founding anniversary) falls within the lead
 *       time; the occasion is the event's occurrence in a year;</li>
 *   <li>{@link Idle}: a client with a manager has had no interaction for a number of working days; the occasion is
 *       the client's last contact, so the rule fires again only after a new contact and a new silence;</li>
 *   <li>{@link Recurrence}: an RFC 5545 recurrence rule ("first Monday of each month") for every client with a
 *       manager that meets the rule's condition; the occasion is the occurrence and the client;</li>
 *   <li>{@link DealStageEntered}: a deal entered one of the given stages (created in it, moved, lost or reopened
 *       into it); the occasion is that entry in the deal's history, and the rule runs in the transaction that
 *       changes the deal;</li>
 *   <li>{@link DealIdle}: a deal has been idle past its stage's idle limit, in working days since its last
 *       activity (M-4.3); the occasion is the deal's last activity, so the rule fires again only after a new
 *       activity and a new silence.</li>
 * </ul>
 * The deal triggers give the deal's responsible manager the work, and the rule's condition sees the deal.
 */
public sealed interface Trigger {
    /**
     * An interaction of one of {@code types} was recorded.
     *
     * @param types interaction-type codes ({@code call-in}, {@code proposal}, …), at least one
     */
    record InteractionRecorded(Set<String> types) implements Trigger {
        public InteractionRecorded {
            types = Set.copyOf(Objects.requireNonNull(types, "types"));
            Violations v = new Violations();
            if (types.isEmpty()) {
                v.add("types", "rule.trigger.types", types, "an interaction trigger names at least one type");
            }
            for (String type : types) {
                if (!ClassifierEntry.isCode(type)) {
                    v.add("types", "classifier.code", type, "an interaction type is a code, was '" + type + "'");
                }
            }
            v.throwIfAny();
        }

        /** A trigger on interactions of the given types. */
        public static InteractionRecorded of(String... types) {
            return new InteractionRecorded(Set.of(types));
        }
    }

    /**
     * A notable event of one of {@code kinds} falls within {@code leadDays} days: it fires from {@code leadDays}
     * days before the event's date until the date itself. A yearly event of 29 February falls on 28 February in
     * years without it ({@link org.crm4j.keydate.NotableEvent#occurrenceIn}).
     *
     * @param kinds    the kinds of events; all kinds when empty
     * @param leadDays how many days ahead, 0 (the day itself) to 366
     */
    record KeyDate(Set<NotableEventKind> kinds, int leadDays) implements Trigger {
        /** The longest lead time. */
        public static final int MAX_LEAD_DAYS = 366;

        public KeyDate {
            kinds = kinds == null || kinds.isEmpty() ? Set.copyOf(EnumSet.allOf(NotableEventKind.class))
                    : Set.copyOf(kinds);
            if (leadDays < 0 || leadDays > MAX_LEAD_DAYS) {
                throw new ValidationException("leadDays", "rule.trigger.leadDays", leadDays,
                        "a lead time is 0 to " + MAX_LEAD_DAYS + " days, was " + leadDays);
            }
        }
    }

    /**
     * A client with a manager has had no interaction (nor, when it has none, a registration) during the last
     * {@code workingDays} working days of the business calendar before today.
     *
     * @param workingDays the working days of silence, 1 to 1000
     */
    record Idle(int workingDays) implements Trigger {
        public Idle {
            if (workingDays < 1 || workingDays > 1000) {
                throw new ValidationException("workingDays", "rule.trigger.workingDays", workingDays,
                        "an idle trigger waits 1 to 1000 working days, was " + workingDays);
            }
        }
    }

    /**
     * A deal entered one of {@code stages} of {@code pipeline}.
     *
     * @param pipeline the pipeline's code, or {@code null} for a stage of that code in any pipeline
     * @param stages   stage codes, at least one
     */
    record DealStageEntered(@Nullable String pipeline, Set<String> stages) implements Trigger {
        public DealStageEntered {
            stages = Set.copyOf(Objects.requireNonNull(stages, "stages"));
            Violations v = new Violations();
            if (pipeline != null && !ClassifierEntry.isCode(pipeline)) {
                v.add("pipeline", "classifier.code", pipeline, "a pipeline is a code, was '" + pipeline + "'");
            }
            if (stages.isEmpty()) {
                v.add("stages", "rule.trigger.stages", stages, "a stage trigger names at least one stage");
            }
            for (String stage : stages) {
                if (!ClassifierEntry.isCode(stage)) {
                    v.add("stages", "classifier.code", stage, "a stage is a code, was '" + stage + "'");
                }
            }
            v.throwIfAny();
        }

        /** Whether a deal of {@code pipeline} entering {@code stage} sets this trigger off. */
        public boolean matches(String dealPipeline, String stage) {
            return (pipeline == null || pipeline.equals(dealPipeline)) && stages.contains(stage);
        }
    }

    /**
     * A deal of {@code pipeline} is idle: past the idle limit of its stage, in working days of the business
     * calendar since its last activity (the last interaction about it or its last stage change).
     *
     * @param pipeline the pipeline's code
     */
    record DealIdle(String pipeline) implements Trigger {
        public DealIdle {
            pipeline = pipeline == null ? "" : pipeline.strip();
            if (!ClassifierEntry.isCode(pipeline)) {
                throw new ValidationException("pipeline", "classifier.code", pipeline,
                        "a pipeline is a code, was '" + pipeline + "'");
            }
        }
    }

    /**
     * An RFC 5545 recurrence: {@code rrule} (such as {@code FREQ=MONTHLY;BYDAY=1MO}) from {@code start}, a local
     * date and time in the CRM's zone, so "09:00 on the first Monday" is 09:00 there in summer and in winter.
     *
     * @param rrule the RRULE value, without the {@code RRULE:} prefix; checked by lib-recur, at most daily
     * @param start the first occurrence's local date and time (DTSTART)
     */
    record Recurrence(String rrule, LocalDateTime start) implements Trigger {
        private static final Set<Freq> SUPPORTED = EnumSet.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);

        public Recurrence {
            Objects.requireNonNull(start, "start");
            rrule = rrule == null ? "" : rrule.strip();
            if (rrule.regionMatches(true, 0, "RRULE:", 0, 6)) {
                rrule = rrule.substring(6);
            }
            parse(rrule);
        }

        /**
         * The occurrences in {@code zone} after {@code after} (excluded) up to {@code until} (included), as
         * epoch milliseconds, earliest first. The walk starts at {@link #start()}, since {@code COUNT} and
         * {@code BYSETPOS} count from there; a daily rule started ten years ago takes some 3,650 steps.
         */
        public long[] occurrences(ZoneId zone, long after, long until) {
            RecurrenceRuleIterator it = parse(rrule).iterator(start.atZone(zone).toInstant().toEpochMilli(),
                    TimeZone.getTimeZone(zone));
            long[] out = new long[8];
            int n = 0;
            while (it.hasNext()) {
                long next = it.nextMillis();
                if (next > until) {
                    break;
                }
                if (next <= after) {
                    continue;
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = next;
            }
            return Arrays.copyOf(out, n);
        }

        private static RecurrenceRule parse(String rrule) {
            RecurrenceRule rule;
            try {
                rule = new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
                throw new ValidationException("rrule", "rule.trigger.rrule", rrule,
                        "not an RFC 5545 recurrence rule: " + e.getMessage());
            }
            if (!SUPPORTED.contains(rule.getFreq())) {
                throw new ValidationException("rrule", "rule.trigger.frequency", rrule,
                        "a scheduling rule recurs daily at most often, was " + rule.getFreq());
            }
            return rule;
        }
    }
}
