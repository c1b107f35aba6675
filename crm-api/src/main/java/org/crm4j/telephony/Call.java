package org.crm4j.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.EmployeeId;
import org.jspecify.annotations.Nullable;

/**
 * One incoming call, assembled from its PBX events ({@link #apply}), with the caller once identified. Each kind of
 * event is taken once: a repeated report of a kind already {@link #seen() seen} changes nothing, which is what
 * makes handling the PBX's events idempotent. Events may come out of order (an "ended" before its "answered"):
 * the state depends on the set of events, not on their order. Immutable and thread-safe.
 *
 * @param id         the PBX's call id
 * @param version    the stored version (0 before the first save), for optimistic locking
 * @param line       the line it came in on
 * @param number     the caller's number as the PBX gave it, or {@code null} while no offered event came
 * @param client     the identified client, or {@code null}
 * @param contact    the identified contact person of that client, or {@code null}
 * @param offeredAt  when it came in (the moment of the first event while the offered event is missing)
 * @param answeredAt when an agent picked it up, or {@code null}
 * @param endedAt    when it ended or was missed, or {@code null}
 * @param agent      the agent who has it (the last one it was transferred to), or {@code null}
 * @param outcome    where it stands
 * @param seen       the kinds of event taken so far
 */
public record Call(String id, long version, String line, @Nullable String number, @Nullable ClientId client,
                   @Nullable ContactPersonId contact, Instant offeredAt, @Nullable Instant answeredAt,
                   @Nullable Instant endedAt, @Nullable EmployeeId agent, CallOutcome outcome,
                   Set<CallEventKind> seen) {
    public Call {
        id = CallEvent.requireCallId(id);
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(outcome, "outcome");
        seen = seen.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(seen));
        if (contact != null && client == null) {
            throw new IllegalArgumentException("a contact person is identified with its client");
        }
    }

    /** A new call (version 0) from its first event. */
    public static Call start(CallEvent first) {
        Objects.requireNonNull(first, "first");
        return new Call(first.callId(), 0, first.line(), null, null, null, first.at(), null, null, null,
                CallOutcome.RINGING, Set.of()).apply(first);
    }

    /**
     * The call after {@code event}; the same call when an event of its kind was already taken.
     *
     * @throws IllegalArgumentException when the event belongs to another call
     */
    public Call apply(CallEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.callId().equals(id)) {
            throw new IllegalArgumentException("event of call " + event.callId() + " applied to call " + id);
        }
        if (seen.contains(event.kind())) {
            return this;
        }
        EnumSet<CallEventKind> kinds = seen.isEmpty() ? EnumSet.noneOf(CallEventKind.class) : EnumSet.copyOf(seen);
        kinds.add(event.kind());
        String newLine = line;
        String newNumber = number;
        Instant offered = offeredAt;
        Instant answered = answeredAt;
        Instant ended = endedAt;
        EmployeeId newAgent = agent;
        switch (event.kind()) {
            case OFFERED -> {
                newLine = event.line();
                newNumber = event.number();
            }
            case ANSWERED -> {
                answered = event.at();
                newAgent = kinds.contains(CallEventKind.TRANSFERRED) ? agent : event.agent();
            }
            case TRANSFERRED -> newAgent = event.agent();
            case ENDED -> ended = event.at();
            case MISSED -> ended = endedAt != null ? endedAt : event.at();
        }
        if (event.at().isBefore(offered)) {
            offered = event.at();
        }
        CallOutcome next;
        if (answered != null) {
            next = kinds.contains(CallEventKind.ENDED) ? CallOutcome.ANSWERED : CallOutcome.TALKING;
        } else {
            next = ended != null ? CallOutcome.ABANDONED : CallOutcome.RINGING;
        }
        return new Call(id, version, newLine, newNumber, client, contact, offered, answered, ended, newAgent, next,
                kinds);
    }

    /** The call with its caller identified ({@code client} may be {@code null}: unknown). */
    public Call identified(@Nullable ClientId client, @Nullable ContactPersonId contact) {
        return new Call(id, version, line, number, client, client == null ? null : contact, offeredAt, answeredAt,
                endedAt, agent, outcome, seen);
    }

    /** The same call at another version, as a store returns it. */
    public Call withVersion(long version) {
        return new Call(id, version, line, number, client, contact, offeredAt, answeredAt, endedAt, agent, outcome,
                seen);
    }

    /**
     * How long the caller waited: until an agent answered, or until the caller gave up for an abandoned call;
     * empty while it rings.
     */
    public Optional<Duration> waiting() {
        Instant until = answeredAt != null ? answeredAt : outcome == CallOutcome.ABANDONED ? endedAt : null;
        if (until == null) {
            return Optional.empty();
        }
        Duration d = Duration.between(offeredAt, until);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }

    /** How long the conversation lasted: from the answer to the end; zero unless it was answered and ended. */
    public Duration talk() {
        if (answeredAt == null || endedAt == null || outcome != CallOutcome.ANSWERED) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(answeredAt, endedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether the caller is identified. */
    public boolean isIdentified() {
        return client != null;
    }
}
