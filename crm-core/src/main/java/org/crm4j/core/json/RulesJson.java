package org.crm4j.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ClientRelation;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.core.schedule.Condition;
import org.crm4j.core.schedule.MessageText;
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

/**
 * Scheduling rules as JSON, read and written with Jackson's tree model (no data binding, no polymorphic typing: a
 * rule file cannot name a class to instantiate). Reading refuses anything it does not understand, and every error
 * names the JSON path of the value at fault, such as {@code $.rules[2].trigger.keyDate.leadDays}, in a
 * {@link ValidationException} whose violations carry those paths. A file is all or nothing.
 *
 * <pre>{@code
 * {"rules": [{
 *   "code": "invoice-1d",
 *   "name": "Invoice within a working day of a price request",
 *   "trigger": {"interaction": {"types": ["price-request"]}},
 *   "condition": {"allOf": [{"relation": ["CUSTOMER", "PROSPECT"]}, {"not": {"tag": "blocked"}}]},
 *   "actions": [
 *     {"task": {"title": "Send the invoice", "kind": "INVOICE", "workingDays": 1, "priority": "HIGH"}},
 *     {"notify": {"channel": "email", "subject": "Invoice for {client} due {due}", "body": ""}},
 *     {"escalate": {"after": "PT4H", "channel": "email"}}
 *   ]
 * }]}
 * }</pre>
 *
 * <table>
 *   <caption>The parts of a rule</caption>
 *   <tr><th>part</th><th>forms</th></tr>
 *   <tr><td>{@code trigger}</td><td>{@code {"interaction": {"types": [...]}}},
 *       {@code {"keyDate": {"leadDays": 14, "kinds": ["BIRTHDAY"]}}} (kinds optional),
 *       {@code {"idle": {"workingDays": 10}}},
 *       {@code {"recurrence": {"rrule": "FREQ=MONTHLY;BYDAY=1MO", "start": "2026-01-01T09:00"}}},
 *       {@code {"dealStage": {"pipeline": "shiffman", "stages": ["interested"]}}} (pipeline optional),
 *       {@code {"dealIdle": {"pipeline": "shiffman"}}}</td></tr>
 *   <tr><td>{@code condition} (optional)</td><td>{@code {"segment": "retail"}}, {@code {"tag": "vip"}},
 *       {@code {"relation": ["CUSTOMER"]}}, {@code {"kind": ["ORGANISATION"]}},
 *       {@code {"abcClass": {"classes": ["A"], "currency": "RUB"}}},
 *       {@code {"salesAtLeast": {"amount": "100000.00", "currency": "RUB"}}},
 *       {@code {"dealAmountAtLeast": {"amount": "500000.00", "currency": "RUB"}}},
 *       {@code {"allOf": [...]}}, {@code {"anyOf": [...]}}, {@code {"not": {...}}}</td></tr>
 *   <tr><td>{@code actions}</td><td>{@code {"task": {"title", "kind", "workingDays" | "within" (ISO-8601 duration
 *       of business time), "priority" (optional, NORMAL), "regulation" (optional, the rule's code)}}},
 *       {@code {"notify": {"channel", "subject", "body" (optional)}}},
 *       {@code {"escalate": {"after" (ISO-8601 business time), "channel", "to" (optional)}}}</td></tr>
 * </table>
 * Thread-safe.
 */
public final class RulesJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RulesJson() {
    }

    /**
     * Reads the rules of a JSON document: an object with a {@code rules} array, or the array itself.
     *
     * @throws ValidationException with a violation per error, each naming its JSON path
     */
    public static List<SchedulingRule> read(Reader json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("$", "rule.json.syntax", null,
                    "not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root);
    }

    /** Reads the rules of a JSON text; see {@link #read(Reader)}. */
    public static List<SchedulingRule> read(String json) {
        return read(new StringReader(json));
    }

    private static List<SchedulingRule> read(JsonNode root) {
        JsonNode array = root;
        String path = "$";
        if (root != null && root.isObject()) {
            only(root, path, Set.of("rules"));
            array = root.get("rules");
            path = "$.rules";
        }
        if (array == null || !array.isArray()) {
            throw new ValidationException(path, "rule.json.type", null, "expected an array of rules");
        }
        List<SchedulingRule> rules = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            try {
                SchedulingRule rule = rule(array.get(i), at);
                if (!codes.add(rule.code())) {
                    throw new ValidationException(at + ".code", "rule.code.duplicate", rule.code(),
                            "another rule has the code '" + rule.code() + "'");
                }
                rules.add(rule);
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return List.copyOf(rules);
    }

    private static SchedulingRule rule(JsonNode node, String path) {
        object(node, path);
        only(node, path, Set.of("code", "name", "trigger", "condition", "actions"));
        String code = text(node, path, "code");
        String name = text(node, path, "name");
        Trigger trigger = trigger(required(node, path, "trigger"), path + ".trigger");
        Condition condition = node.has("condition") ? condition(node.get("condition"), path + ".condition")
                : Condition.always();
        JsonNode actions = required(node, path, "actions");
        if (!actions.isArray()) {
            throw new ValidationException(path + ".actions", "rule.json.type", null, "expected an array");
        }
        List<RuleAction> list = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            list.add(action(actions.get(i), path + ".actions[" + i + "]", code));
        }
        return at(path, () -> new SchedulingRule(code, name, trigger, condition, list));
    }

    private static Trigger trigger(JsonNode node, String path) {
        String kind = single(node, path);
        JsonNode body = object(node.get(kind), path + "." + kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "interaction" -> {
                only(body, at, Set.of("types"));
                yield at(at, () -> new Trigger.InteractionRecorded(Set.copyOf(texts(body, at, "types"))));
            }
            case "keyDate" -> {
                only(body, at, Set.of("leadDays", "kinds"));
                int lead = integer(body, at, "leadDays");
                List<String> kinds = body.has("kinds") ? texts(body, at, "kinds") : List.of();
                Set<NotableEventKind> set = EnumSet.noneOf(NotableEventKind.class);
                for (int i = 0; i < kinds.size(); i++) {
                    set.add(constant(NotableEventKind.class, kinds.get(i), at + ".kinds[" + i + "]"));
                }
                yield at(at, () -> new Trigger.KeyDate(set, lead));
            }
            case "idle" -> {
                only(body, at, Set.of("workingDays"));
                int days = integer(body, at, "workingDays");
                yield at(at, () -> new Trigger.Idle(days));
            }
            case "recurrence" -> {
                only(body, at, Set.of("rrule", "start"));
                String rrule = text(body, at, "rrule");
                LocalDateTime start = dateTime(body, at, "start");
                yield at(at, () -> new Trigger.Recurrence(rrule, start));
            }
            case "dealStage" -> {
                only(body, at, Set.of("pipeline", "stages"));
                String pipeline = body.has("pipeline") ? text(body, at, "pipeline") : null;
                List<String> stages = texts(body, at, "stages");
                yield at(at, () -> new Trigger.DealStageEntered(pipeline, Set.copyOf(stages)));
            }
            case "dealIdle" -> {
                only(body, at, Set.of("pipeline"));
                String pipeline = text(body, at, "pipeline");
                yield at(at, () -> new Trigger.DealIdle(pipeline));
            }
            default -> throw new ValidationException(at, "rule.json.trigger", kind, "unknown trigger '" + kind
                    + "'; known are interaction, keyDate, idle, recurrence, dealStage, dealIdle");
        };
    }

    private static Condition condition(JsonNode node, String path) {
        String kind = single(node, path);
        JsonNode body = node.get(kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "segment" -> at(at, () -> new Condition.InSegment(text(node, path, kind)));
            case "tag" -> at(at, () -> new Condition.HasTag(text(node, path, kind)));
            case "relation" -> at(at, () -> new Condition.OfRelation(constants(ClientRelation.class,
                    node, path, kind)));
            case "kind" -> at(at, () -> new Condition.OfKind(constants(ClientKind.class, node, path,
                    kind)));
            case "abcClass" -> {
                object(body, at);
                only(body, at, Set.of("classes", "currency"));
                Set<AbcClass> classes = constants(AbcClass.class, body, at,
                        "classes");
                Currency currency = currency(body, at);
                yield at(at, () -> new Condition.AbcClassIn(classes, currency));
            }
            case "salesAtLeast", "dealAmountAtLeast" -> {
                object(body, at);
                only(body, at, Set.of("amount", "currency"));
                String amount = text(body, at, "amount");
                Currency currency = currency(body, at);
                BigDecimal value;
                try {
                    value = new BigDecimal(amount.strip());
                } catch (NumberFormatException e) {
                    throw new ValidationException(at + ".amount", "rule.json.amount", amount,
                            "expected a decimal amount such as 100000.00");
                }
                Money money = Money.of(value, currency);
                yield at(at, () -> kind.equals("salesAtLeast") ? new Condition.SalesAtLeast(money)
                        : new Condition.DealAmountAtLeast(money));
            }
            case "allOf", "anyOf" -> {
                if (!body.isArray()) {
                    throw new ValidationException(at, "rule.json.type", null, "expected an array of conditions");
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < body.size(); i++) {
                    parts.add(condition(body.get(i), at + "[" + i + "]"));
                }
                yield kind.equals("allOf") ? new Condition.AllOf(parts) : at(at, () -> new Condition.AnyOf(parts));
            }
            case "not" -> new Condition.Not(condition(body, at));
            default -> throw new ValidationException(at, "rule.json.condition", kind, "unknown condition '" + kind
                    + "'; known are segment, tag, relation, kind, abcClass, salesAtLeast, dealAmountAtLeast, allOf, anyOf,"
                    + " not");
        };
    }

    private static RuleAction action(JsonNode node, String path, String ruleCode) {
        String kind = single(node, path);
        JsonNode body = object(node.get(kind), path + "." + kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "task" -> {
                only(body, at, Set.of("title", "kind", "workingDays", "within", "priority", "regulation"));
                String title = text(body, at, "title");
                TaskKind taskKind = constant(TaskKind.class, text(body, at, "kind"), at + ".kind");
                TaskPriority priority = body.has("priority")
                        ? constant(TaskPriority.class, text(body, at, "priority"), at + ".priority")
                        : TaskPriority.NORMAL;
                String regulation = body.has("regulation") ? text(body, at, "regulation") : ruleCode;
                Integer days = body.has("workingDays") ? integer(body, at, "workingDays") : null;
                Duration within = body.has("within") ? duration(body, at, "within") : null;
                yield at(at, () -> new CreateTask(new Regulation(regulation, title, taskKind, within, days),
                        priority));
            }
            case "notify" -> {
                only(body, at, Set.of("channel", "subject", "body"));
                String channel = text(body, at, "channel");
                String subject = text(body, at, "subject");
                String text = body.has("body") ? text(body, at, "body") : "";
                MessageText s = text(at + ".subject", subject);
                MessageText b = text(at + ".body", text);
                yield at(at, () -> new Notify(channel, s, b));
            }
            case "escalate" -> {
                only(body, at, Set.of("after", "channel", "to"));
                Duration after = duration(body, at, "after");
                String channel = text(body, at, "channel");
                EmployeeId to = body.has("to") ? at(at + ".to", () -> EmployeeId.of(text(body, at, "to"))) : null;
                yield at(at, () -> new Escalate(after, channel, to));
            }
            default -> throw new ValidationException(at, "rule.json.action", kind,
                    "unknown action '" + kind + "'; known are task, notify, escalate");
        };
    }

    /** Runs a constructor, reporting its violations at {@code path}. */
    private static <T> T at(String path, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            List<Violation> moved = new ArrayList<>();
            for (Violation v : e.violations()) {
                moved.add(v.field().startsWith("$") ? v : v.at(path + "." + v.field()));
            }
            throw new ValidationException(moved);
        }
    }

    private static MessageText text(String path, String text) {
        try {
            return new MessageText(text);
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream().map(v -> v.at(path)).toList());
        }
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ValidationException(path, "rule.json.type", node == null ? null : node.toString(),
                    "expected an object");
        }
        return node;
    }

    private static String single(JsonNode node, String path) {
        object(node, path);
        if (node.size() != 1) {
            throw new ValidationException(path, "rule.json.single", node.toString(),
                    "expected an object with exactly one member naming its kind");
        }
        return node.fieldNames().next();
    }

    private static void only(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new ValidationException(path + "." + name, "rule.json.unknown", name,
                        "unknown member '" + name + "'; known are " + new TreeSet<>(known));
            }
        }
    }

    private static JsonNode required(JsonNode node, String path, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ValidationException(path + "." + name, "rule.json.required", null, "'" + name
                    + "' is required");
        }
        return value;
    }

    private static String text(JsonNode node, String path, String name) {
        JsonNode value = required(node, path, name);
        if (!value.isTextual()) {
            throw new ValidationException(path + "." + name, "rule.json.type", value.toString(), "expected a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String path, String name) {
        JsonNode value = required(node, path, name);
        if (!value.isInt()) {
            throw new ValidationException(path + "." + name, "rule.json.type", value.toString(),
                    "expected a whole number");
        }
        return value.intValue();
    }

    private static List<String> texts(JsonNode node, String path, String name) {
        JsonNode value = required(node, path, name);
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            throw new ValidationException(path + "." + name, "rule.json.type", value.toString(),
                    "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new ValidationException(path + "." + name + "[" + i + "]", "rule.json.type",
                        value.get(i).toString(), "expected a string");
            }
            out.add(value.get(i).textValue());
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> constants(Class<E> type, JsonNode node, String path, String name) {
        List<String> names = texts(node, path, name);
        Set<E> out = EnumSet.noneOf(type);
        for (int i = 0; i < names.size(); i++) {
            out.add(constant(type, names.get(i), path + "." + name + (names.size() > 1 ? "[" + i + "]" : "")));
        }
        return out;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String path) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(path, "rule.json.constant", name, "unknown " + type.getSimpleName()
                    + " '" + name + "'; known are " + EnumSet.allOf(type));
        }
    }

    private static Duration duration(JsonNode node, String path, String name) {
        String text = text(node, path, name);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(path + "." + name, "rule.json.duration", text,
                    "expected an ISO-8601 duration such as PT8H");
        }
    }

    private static LocalDateTime dateTime(JsonNode node, String path, String name) {
        String text = text(node, path, name);
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(path + "." + name, "rule.json.dateTime", text,
                    "expected a local date and time such as 2026-01-05T09:00");
        }
    }

    private static Currency currency(JsonNode node, String path) {
        String code = text(node, path, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(path + ".currency", "rule.json.currency", code,
                    "expected an ISO 4217 currency code such as RUB");
        }
    }

    /** The rules as a JSON document in the form {@link #read(Reader)} reads, pretty-printed. */
    public static String write(List<SchedulingRule> rules) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode array = root.putArray("rules");
        for (SchedulingRule rule : rules) {
            ObjectNode r = array.addObject();
            r.put("code", rule.code());
            r.put("name", rule.name());
            writeTrigger(r.putObject("trigger"), rule.trigger());
            if (!(rule.condition() instanceof Condition.AllOf all && all.conditions().isEmpty())) {
                r.set("condition", condition(rule.condition()));
            }
            ArrayNode actions = r.putArray("actions");
            for (RuleAction action : rule.actions()) {
                writeAction(actions.addObject(), action, rule.code());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static void writeTrigger(ObjectNode node, Trigger trigger) {
        if (trigger instanceof Trigger.InteractionRecorded t) {
            strings(node.putObject("interaction").putArray("types"), new TreeSet<>(t.types()));
        } else if (trigger instanceof Trigger.KeyDate t) {
            ObjectNode k = node.putObject("keyDate");
            k.put("leadDays", t.leadDays());
            if (t.kinds().size() < NotableEventKind.values().length) {
                strings(k.putArray("kinds"), names(t.kinds()));
            }
        } else if (trigger instanceof Trigger.Idle t) {
            node.putObject("idle").put("workingDays", t.workingDays());
        } else if (trigger instanceof Trigger.Recurrence t) {
            ObjectNode r = node.putObject("recurrence");
            r.put("rrule", t.rrule());
            r.put("start", t.start().toString());
        } else if (trigger instanceof Trigger.DealStageEntered t) {
            ObjectNode d = node.putObject("dealStage");
            if (t.pipeline() != null) {
                d.put("pipeline", t.pipeline());
            }
            strings(d.putArray("stages"), new TreeSet<>(t.stages()));
        } else if (trigger instanceof Trigger.DealIdle t) {
            node.putObject("dealIdle").put("pipeline", t.pipeline());
        }
    }

    private static ObjectNode condition(Condition condition) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (condition instanceof Condition.InSegment c) {
            node.put("segment", c.code());
        } else if (condition instanceof Condition.HasTag c) {
            node.put("tag", c.tag());
        } else if (condition instanceof Condition.OfRelation c) {
            strings(node.putArray("relation"), names(c.relations()));
        } else if (condition instanceof Condition.OfKind c) {
            strings(node.putArray("kind"), names(c.kinds()));
        } else if (condition instanceof Condition.AbcClassIn c) {
            ObjectNode a = node.putObject("abcClass");
            strings(a.putArray("classes"), names(c.classes()));
            a.put("currency", c.currency().getCurrencyCode());
        } else if (condition instanceof Condition.SalesAtLeast c) {
            money(node.putObject("salesAtLeast"), c.amount());
        } else if (condition instanceof Condition.DealAmountAtLeast c) {
            money(node.putObject("dealAmountAtLeast"), c.amount());
        } else if (condition instanceof Condition.AllOf c) {
            ArrayNode parts = node.putArray("allOf");
            c.conditions().forEach(p -> parts.add(condition(p)));
        } else if (condition instanceof Condition.AnyOf c) {
            ArrayNode parts = node.putArray("anyOf");
            c.conditions().forEach(p -> parts.add(condition(p)));
        } else if (condition instanceof Condition.Not c) {
            node.set("not", condition(c.condition()));
        }
        return node;
    }

    private static void writeAction(ObjectNode node, RuleAction action, String ruleCode) {
        if (action instanceof CreateTask a) {
            ObjectNode t = node.putObject("task");
            Regulation r = a.regulation();
            t.put("title", r.name());
            t.put("kind", r.kind().name());
            if (r.workingDays() != null) {
                t.put("workingDays", r.workingDays());
            } else {
                t.put("within", String.valueOf(r.businessTime()));
            }
            t.put("priority", a.priority().name());
            if (!r.code().equals(ruleCode)) {
                t.put("regulation", r.code());
            }
        } else if (action instanceof Notify a) {
            ObjectNode n = node.putObject("notify");
            n.put("channel", a.channel());
            n.put("subject", a.subject().text());
            n.put("body", a.body().text());
        } else if (action instanceof Escalate a) {
            ObjectNode e = node.putObject("escalate");
            e.put("after", a.overdueBy().toString());
            e.put("channel", a.channel());
            if (a.to() != null) {
                e.put("to", a.to().value());
            }
        }
    }

    private static void money(ObjectNode node, Money money) {
        node.put("amount", money.amount().toPlainString());
        node.put("currency", money.currency().getCurrencyCode());
    }

    private static Set<String> names(Set<? extends Enum<?>> constants) {
        Set<String> names = new TreeSet<>();
        constants.forEach(c -> names.add(c.name()));
        return names;
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }
}
