package org.crm4j.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientEvent;
import org.crm4j.common.CrmEvent;
import org.crm4j.deal.DealEvent;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.task.TaskEvent;

/**
 * CRM events as JSON text and back, so that the outbox keeps them in any store until the listener has them. Each
 * event is written as {@code {"type": <the record's class name>, "event": {<component>: <value>, …}}}; ids and
 * other single-value records are written as their value, moments as ISO-8601 text, enums by name.
 *
 * <p>Only the event records it was made for are read back: the records permitted by the sealed event interfaces
 * given ({@link #standard()}: clients, deals, tasks and dossiers). A type name from the text is looked up among
 * them, never loaded by name, so stored text cannot make it build anything else. Every component type of those
 * records is checked when the codec is made, so an event it could not write back fails the build of the CRM, not
 * a delivery. Thread-safe.
 */
public final class EventsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, boolean.class, Integer.class,
            int.class, Long.class, long.class, BigDecimal.class, Instant.class, LocalDate.class, Duration.class,
            Currency.class, UUID.class);

    private final Map<String, Class<? extends CrmEvent>> types = new HashMap<>();

    /**
     * A codec of the records permitted by each of {@code sealedEvents}.
     *
     * @throws IllegalArgumentException when one is not sealed, or a permitted record has a component of a type the
     *                                  codec cannot write (a scalar, an enum, a record of those, a list or set)
     */
    @SafeVarargs
    public EventsJson(Class<? extends CrmEvent>... sealedEvents) {
        for (Class<? extends CrmEvent> root : sealedEvents) {
            if (!root.isSealed()) {
                throw new IllegalArgumentException(root.getName() + " is not a sealed event interface");
            }
            for (Class<?> permitted : root.getPermittedSubclasses()) {
                if (!permitted.isRecord()) {
                    throw new IllegalArgumentException(permitted.getName() + " is not a record");
                }
                requireWritable(permitted, permitted.getName());
                types.put(permitted.getName(), permitted.asSubclass(CrmEvent.class));
            }
        }
    }

    /** The codec of crm4j's own events: clients, deals, tasks and dossiers. */
    public static EventsJson standard() {
        return new EventsJson(ClientEvent.class, DealEvent.class, TaskEvent.class, DossierEvent.class);
    }

    /** Whether {@code event} is of a type this codec reads back. */
    public boolean knows(CrmEvent event) {
        return types.get(event.getClass().getName()) == event.getClass();
    }

    /**
     * {@code event} as JSON text.
     *
     * @throws IllegalArgumentException when it is of a type this codec was not made for
     */
    public String write(CrmEvent event) {
        Objects.requireNonNull(event, "event");
        if (!knows(event)) {
            throw new IllegalArgumentException("not an event type of this codec: " + event.getClass().getName());
        }
        ObjectNode root = NODES.objectNode();
        root.put("type", event.getClass().getName());
        root.set("event", value(event));
        return root.toString();
    }

    /**
     * The event {@link #write} wrote as {@code json}.
     *
     * @throws IllegalArgumentException when the text is not JSON of an event of this codec's types
     */
    public CrmEvent read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        String name = root.path("type").asText("");
        Class<? extends CrmEvent> type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("not an event type of this codec: '" + name + "'");
        }
        return type.cast(read(type, root.path("event"), "$.event"));
    }

    /**
     * The stream {@code event} belongs to: its aggregate's kind and id, such as {@code deal:<id>}, from the event's
     * sealed interface ({@code DealEvent}) and its first component (by crm4j's convention, the aggregate's id).
     * The outbox keeps one stream's events in order.
     */
    public static String streamOf(CrmEvent event) {
        Objects.requireNonNull(event, "event");
        String kind = "event";
        for (Class<?> type : event.getClass().getInterfaces()) {
            if (CrmEvent.class.isAssignableFrom(type) && type.getSimpleName().endsWith("Event")) {
                String name = type.getSimpleName();
                kind = name.substring(0, name.length() - "Event".length()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null || components.length == 0) {
            return kind;
        }
        JsonNode first = value(component(components[0], event));
        return kind + ":" + (first.isValueNode() ? first.asText() : first.toString());
    }

    private static void requireWritable(Type type, String path) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw != List.class && raw != Set.class) {
                throw new IllegalArgumentException(path + ": " + type + " is not written");
            }
            requireWritable(p.getActualTypeArguments()[0], path + "[]");
            return;
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException(path + ": " + type + " is not written");
        }
        if (SCALARS.contains(c) || c.isEnum()) {
            return;
        }
        if (!c.isRecord()) {
            throw new IllegalArgumentException(path + ": " + c.getName() + " is not written");
        }
        for (RecordComponent component : c.getRecordComponents()) {
            requireWritable(component.getGenericType(), path + "." + component.getName());
        }
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigDecimal d) {
            return NODES.textNode(d.toPlainString());
        }
        if (value instanceof Currency c) {
            return NODES.textNode(c.getCurrencyCode());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Duration
                || value instanceof UUID) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : items) {
                array.add(value(item));
            }
            return array;
        }
        RecordComponent[] components = value.getClass().getRecordComponents();
        if (components.length == 1) {
            return value(component(components[0], value));
        }
        ObjectNode object = NODES.objectNode();
        for (RecordComponent component : components) {
            object.set(component.getName(), value(component(component, value)));
        }
        return object;
    }

    private static Object component(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static Object read(Type type, JsonNode node, String path) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (type instanceof ParameterizedType p) {
            Type item = p.getActualTypeArguments()[0];
            if (!node.isArray()) {
                throw new IllegalArgumentException(path + ": an array was expected");
            }
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                items.add(read(item, node.get(i), path + "[" + i + "]"));
            }
            return p.getRawType() == Set.class ? new LinkedHashSet<>(items) : items;
        }
        Class<?> c = (Class<?>) type;
        try {
            if (c == String.class) {
                return node.asText();
            }
            if (c == Boolean.class || c == boolean.class) {
                return node.asBoolean();
            }
            if (c == Integer.class || c == int.class) {
                return node.asInt();
            }
            if (c == Long.class || c == long.class) {
                return node.asLong();
            }
            if (c == BigDecimal.class) {
                return new BigDecimal(node.asText());
            }
            if (c == Instant.class) {
                return Instant.parse(node.asText());
            }
            if (c == LocalDate.class) {
                return LocalDate.parse(node.asText());
            }
            if (c == Duration.class) {
                return Duration.parse(node.asText());
            }
            if (c == Currency.class) {
                return Currency.getInstance(node.asText());
            }
            if (c == UUID.class) {
                return UUID.fromString(node.asText());
            }
            if (c.isEnum()) {
                return enumConstant(c, node.asText());
            }
            return record(c, node, path);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("$")) {
                throw e;
            }
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object record(Class<?> type, JsonNode node, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            JsonNode part = components.length == 1 ? node : node.path(components[i].getName());
            args[i] = read(components[i].getGenericType(), part, path + "." + components[i].getName());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
