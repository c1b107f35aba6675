package org.crm4j.core.schedule;

import java.util.List;
import java.util.Objects;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;

/**
 * A scheduling rule (M-5): when its {@link Trigger} fires for a client that meets its {@link Condition}, its
 * {@link RuleAction actions} create a task for the client's responsible manager, notify them, and escalate the
 * task when it is overdue. Rules are data: built in Java or read from JSON ({@link org.crm4j.core.json.RulesJson}). Immutable.
 *
 * <pre>{@code
 * SchedulingRule invoice = new SchedulingRule("invoice-1d", "Invoice within a working day of a price request",
 *         Trigger.InteractionRecorded.of("price-request"), Condition.always(), List.of(
 *                 new CreateTask(Regulation.withinWorkingDays("invoice-1d", "Send the invoice", TaskKind.INVOICE, 1),
 *                         TaskPriority.HIGH),
 *                 new Escalate(Duration.ofHours(4), "email", null)));
 * }</pre>
 *
 * @param code      the rule's code, unique among the rules of a CRM; part of the key of everything it creates
 * @param name      what it is for, 1 to 300 characters
 * @param trigger   what sets it off
 * @param condition which clients it applies to
 * @param actions   what it does, in order: at most one task, which an escalation needs
 */
public record SchedulingRule(String code, String name, Trigger trigger, Condition condition,
                             List<RuleAction> actions) {
    public SchedulingRule {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(condition, "condition");
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        Violations v = new Violations();
        code = code == null ? "" : code.strip();
        if (!ClassifierEntry.isCode(code)) {
            v.add("code", "classifier.code", code, "a rule's code is a classifier code, was '" + code + "'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 300) {
            v.add("name", "rule.name", name, "a rule's name has 1 to 300 characters");
        }
        long tasks = actions.stream().filter(CreateTask.class::isInstance).count();
        if (actions.isEmpty()) {
            v.add("actions", "rule.actions", actions, "a rule does at least one thing");
        }
        if (tasks > 1) {
            v.add("actions", "rule.actions.tasks", tasks, "a rule creates at most one task");
        }
        if (tasks == 0 && actions.stream().anyMatch(Escalate.class::isInstance)) {
            v.add("actions", "rule.actions.escalate", null, "a rule escalates only a task it creates");
        }
        v.throwIfAny();
    }

    /** The task this rule creates, if it creates one. */
    public java.util.Optional<CreateTask> task() {
        return actions.stream().filter(CreateTask.class::isInstance).map(CreateTask.class::cast).findFirst();
    }
}
