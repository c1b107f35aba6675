package org.crm4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.crm4j.client.ClientRelation;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.core.schedule.Condition;
import org.crm4j.core.schedule.RuleAction;
import org.crm4j.core.schedule.SchedulingRule;
import org.crm4j.core.schedule.Trigger;
import org.crm4j.core.schedule.RuleAction.CreateTask;
import org.crm4j.core.schedule.RuleAction.Escalate;
import org.crm4j.core.schedule.RuleAction.Notify;
import org.crm4j.history.AbcClass;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.task.Regulation;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RulesJsonTest {
    private static final String SEED_001 = """
            {"rules": [{
              "code": "invoice-1d",
              "name": "Invoice within a working day of a price request",
              "trigger": {"interaction": {"types": ["call-in"]}},
              "condition": {"allOf": [{"relation": ["CUSTOMER", "PROSPECT"]}, {"not": {"tag": "blocked"}}]},
              "actions": [
                {"task": {"title": "Send the invoice", "kind": "INVOICE", "workingDays": 1, "priority": "HIGH"}},
                {"notify": {"channel": "email", "subject": "Invoice for {client} due {due}"}},
                {"escalate": {"after": "PT4H", "channel": "email"}}
              ]
            }]}
            """;

    @Test
    @DisplayName("reads a rule file into the rules it describes")
    void reads() {
        List<SchedulingRule> rules = RulesJson.read(SEED_001);

        assertThat(rules).containsExactly(new SchedulingRule("invoice-1d",
                "Invoice within a working day of a price request", Trigger.InteractionRecorded.of("call-in"),
                new Condition.AllOf(List.of(new Condition.OfRelation(Set.of(ClientRelation.CUSTOMER,
                        ClientRelation.PROSPECT)), new Condition.Not(new Condition.HasTag("blocked")))),
                List.of(new CreateTask(Regulation.withinWorkingDays("invoice-1d", "Send the invoice",
                                TaskKind.INVOICE, 1), TaskPriority.HIGH),
                        Notify.of("email", "Invoice for {client} due {due}", ""),
                        new Escalate(Duration.ofHours(4), "email", null))));
    }

    @Test
    @DisplayName("writes rules of every kind so that reading gives them back")
    void roundTrip() {
        List<SchedulingRule> rules = List.of(
                RulesJson.read(SEED_001).get(0),
                new SchedulingRule("gifts", "Gift catalogue", new Trigger.KeyDate(Set.of(NotableEventKind.BIRTHDAY),
                        14), new Condition.SalesAtLeast(Money.of("100000.00", "RUB")),
                        List.of(Notify.of("sms", "{event} on {date}", "{{literal}}"))),
                new SchedulingRule("quiet", "Quiet clients", new Trigger.Idle(10),
                        new Condition.AnyOf(List.of(new Condition.InSegment("retail"),
                                new Condition.OfKind(Set.of(org.crm4j.client.ClientKind.PERSON)))),
                        List.of(new CreateTask(Regulation.within("call-back", "Call", TaskKind.CALL,
                                Duration.ofMinutes(90)), TaskPriority.LOW),
                                new Escalate(Duration.ZERO, "email", EmployeeId.of("head")))),
                new SchedulingRule("monday", "A clients monthly", new Trigger.Recurrence("FREQ=MONTHLY;BYDAY=1MO",
                        LocalDateTime.parse("2026-01-05T09:00")), new Condition.AbcClassIn(Set.of(AbcClass.A,
                        AbcClass.B), Currency.getInstance("RUB")), List.of(Notify.of("email", "Call {client}", ""))),
                new SchedulingRule("all", "Every key date", new Trigger.KeyDate(Set.of(), 0), Condition.always(),
                        List.of(Notify.of("email", "{event}", ""))),
                new SchedulingRule("offer", "Offer when interested", new Trigger.DealStageEntered(null,
                        Set.of("interested", "contact-1")), new Condition.DealAmountAtLeast(Money.of("5e5", "RUB")),
                        List.of(Notify.of("email", "{client}: {stage} {amount}", ""))),
                new SchedulingRule("stalled", "Stalled deals", new Trigger.DealIdle("shiffman"), Condition.always(),
                        List.of(new CreateTask(Regulation.withinWorkingDays("stalled", "Call", TaskKind.CALL, 0),
                                TaskPriority.NORMAL))));

        String json = RulesJson.write(rules);

        assertThat(RulesJson.read(json)).isEqualTo(rules);
    }

    @Test
    @DisplayName("an error names the JSON path of the value at fault, and every error of the file is reported")
    void paths() {
        String json = """
                {"rules": [
                  {"code": "a", "name": "A", "trigger": {"keyDate": {"leadDays": 400}},
                   "actions": [{"notify": {"channel": "email", "subject": "Hi {name}"}}]},
                  {"code": "b", "name": "B", "trigger": {"recurrence": {"rrule": "FREQ=SOMETIMES", "start": "2026-01-01T09:00"}},
                   "actions": [{"task": {"title": "T", "kind": "INVOICE", "workingDays": 1, "colour": "red"}}]},
                  {"code": "c", "name": "C", "trigger": {"idle": {"workingDays": 3}},
                   "condition": {"abcClass": {"classes": ["Z"], "currency": "RUB"}},
                   "actions": [{"wait": {}}]},
                  {"code": "a", "name": "Again", "trigger": {"idle": {"workingDays": "three"}}, "actions": []}
                ]}
                """;

        assertThatThrownBy(() -> RulesJson.read(json)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(
                        "$.rules[0].trigger.keyDate.leadDays",
                        "$.rules[1].trigger.recurrence.rrule",
                        "$.rules[2].condition.abcClass.classes",
                        "$.rules[3].trigger.idle.workingDays"));
        assertThatThrownBy(() -> RulesJson.read("""
                [{"code": "a", "name": "A", "trigger": {"idle": {"workingDays": 3}},
                  "actions": [{"notify": {"channel": "email", "subject": "Hi {name}"}}]}]"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("$[0].actions[0].notify.subject");
                    assertThat(e.getMessage()).contains("{name}");
                });
        assertThatThrownBy(() -> RulesJson.read("""
                [{"code": "b", "name": "B", "trigger": {"idle": {"workingDays": 3}},
                  "actions": [{"task": {"title": "T", "kind": "INVOICE", "workingDays": 1, "colour": "red"}}]}]"""))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("$[0].actions[0].task.colour"));
        assertThatThrownBy(() -> RulesJson.read("""
                [{"code": "c", "name": "C", "trigger": {"idle": {"workingDays": 3}}, "actions": [{"wait": {}}]}]"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("$[0].actions[0].wait");
                    assertThat(e.violationCode()).isEqualTo("rule.json.action");
                });
        assertThatThrownBy(() -> RulesJson.read("""
                [{"code": "d", "name": "D", "trigger": {"idle": {"workingDays": 3}},
                  "actions": [{"escalate": {"after": "PT1H", "channel": "email"}}]}]"""))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("$[0].actions");
                    assertThat(e.violationCode()).isEqualTo("rule.actions.escalate");
                });
        assertThatThrownBy(() -> RulesJson.read("{\"rules\": [}"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationCode()).isEqualTo("rule.json.syntax"));
    }

    @Test
    @DisplayName("a duplicate code in a file is refused at the second rule")
    void duplicateCode() {
        String rule = "{\"code\": \"x\", \"name\": \"X\", \"trigger\": {\"idle\": {\"workingDays\": 3}},"
                + " \"actions\": [{\"notify\": {\"channel\": \"email\", \"subject\": \"S\"}}]}";
        assertThatThrownBy(() -> RulesJson.read("[" + rule + ", " + rule + "]"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("$[1].code");
                    assertThat(e.violationCode()).isEqualTo("rule.code.duplicate");
                });
    }
}
