package org.crm4j.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.crm4j.client.ClientEvent;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmEvent;
import org.crm4j.deal.DealEvent;
import org.crm4j.deal.DealId;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.task.TaskEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventsJsonTest {
    private final EventsJson codec = EventsJson.standard();

    @Test
    @DisplayName("every event record of clients, deals, tasks and dossiers reads back equal to what was written")
    void everyEventRoundTrips() throws Exception {
        Random random = new Random(42);
        List<Class<?>> roots = List.of(ClientEvent.class, DealEvent.class, TaskEvent.class, DossierEvent.class);
        int checked = 0;
        for (Class<?> root : roots) {
            for (Class<?> type : root.getPermittedSubclasses()) {
                for (int i = 0; i < 20; i++) {
                    CrmEvent event = (CrmEvent) sample(type, random, i % 4 == 0);
                    String json = codec.write(event);
                    assertThat(codec.read(json)).as(json).isEqualTo(event);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(18 * 20);
    }

    @Test
    @DisplayName("a stream names the aggregate an event is about, so one aggregate's events keep their order")
    void stream() {
        DealId deal = DealId.of(new UUID(1, 2));
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        assertThat(EventsJson.streamOf(new DealEvent.DealRemapped(deal, "a", "b", org.crm4j.common.EmployeeId.of("x"),
                at))).isEqualTo("deal:" + deal.value());
        ClientId client = ClientId.of(new UUID(3, 4));
        assertThat(EventsJson.streamOf(new ClientEvent.ClientRegistered(client, at)))
                .isEqualTo("client:" + client.value());
    }

    @Test
    @DisplayName("text that is not JSON, names no known event or does not fit its record is refused, naming the place")
    void refusals() {
        assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> codec.read("{\"type\":\"java.lang.ProcessBuilder\",\"event\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.ProcessBuilder");
        String registered = ClientEvent.ClientRegistered.class.getName();
        assertThatThrownBy(() -> codec.read("{\"type\":\"" + registered + "\",\"event\":{\"clientId\":\"no-uuid\","
                + "\"at\":\"2026-05-01T10:00:00Z\"}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("$.event.clientId");
        assertThatThrownBy(() -> codec.write(new CrmEvent() {
            @Override
            public Instant at() {
                return Instant.EPOCH;
            }

            @Override
            public String type() {
                return "other";
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an event type");
    }

    @Test
    @DisplayName("a codec is refused at once for an event record with a component it could not write back")
    void unsupportedComponents() {
        assertThatThrownBy(() -> new EventsJson(Odd.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload").hasMessageContaining("java.lang.Object");
    }

    /** An event family with a component the codec cannot write. */
    sealed interface Odd extends CrmEvent permits Odd.WithObject {
        record WithObject(UUID id, Object payload, Instant at) implements Odd {
            @Override
            public String type() {
                return "odd";
            }
        }
    }

    /** A value of {@code type} drawn from {@code random}: a record built through its canonical constructor. */
    private static Object sample(Type type, Random random, boolean nulls) throws Exception {
        if (type instanceof ParameterizedType p) {
            List<Object> items = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                items.add(sample(p.getActualTypeArguments()[0], random, nulls));
            }
            return p.getRawType() == Set.class ? new LinkedHashSet<>(items) : items;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "code-" + random.nextInt(1000);
        }
        if (c == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(1_000_000_000), ChronoUnit.MICROS);
        }
        if (c == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(100), 2);
        }
        if (c == UUID.class) {
            return new UUID(random.nextLong(), random.nextLong());
        }
        if (c == LocalDate.class) {
            return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        }
        if (c == Duration.class) {
            return Duration.ofSeconds(random.nextInt(10_000));
        }
        if (c == Currency.class) {
            return Currency.getInstance("RUB");
        }
        if (c == boolean.class || c == Boolean.class) {
            return random.nextBoolean();
        }
        if (c == int.class || c == Integer.class) {
            return random.nextInt(100);
        }
        if (c == long.class || c == Long.class) {
            return random.nextLong();
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        RecordComponent[] components = c.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean nullable = components[i].getAnnotatedType().isAnnotationPresent(
                    org.jspecify.annotations.Nullable.class);
            args[i] = nulls && nullable ? null : sample(components[i].getGenericType(), random, nulls);
        }
        return c.getDeclaredConstructor(types).newInstance(args);
    }
}
