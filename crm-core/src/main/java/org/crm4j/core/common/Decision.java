package org.crm4j.core.common;

import java.util.List;
import java.util.Objects;

/**
 * What a rule decided: the new state of an aggregate and the events that tell what happened. Rules are pure
 * functions returning a decision; the use case around them saves the state and publishes the events. Immutable.
 *
 * @param state  the new state
 * @param events what happened, in order
 * @param <S>    the aggregate's state type
 * @param <E>    the aggregate's event type
 */
public record Decision<S, E>(S state, List<E> events) {
    public Decision {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    @SafeVarargs
    public static <S, E> Decision<S, E> of(S state, E... events) {
        return new Decision<>(state, List.of(events));
    }
}
