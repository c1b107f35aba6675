package org.crm4j.telephony;

import java.time.Instant;
import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * One event of an incoming call from the PBX connector of the embedding system: offered, answered, transferred,
 * ended or missed. Every event carries the PBX's call id, the line and the moment; an offered call carries the
 * number as the PBX gives it (any format), an answered or transferred one the agent. Immutable and thread-safe; the constructors throw a
 * {@link org.crm4j.common.ValidationException} naming every bad field.
 */
public sealed interface CallEvent {
    /** The most characters a PBX call id has. */
    int MAX_CALL_ID = 200;
    /** The most characters a line or a raw number has. */
    int MAX_LINE = 64;

    /** The PBX's id of the call, 1 to {@value #MAX_CALL_ID} characters. */
    String callId();

    /** The line (queue, trunk, DID) the call came in on, 1 to {@value #MAX_LINE} characters. */
    String line();

    /** When it happened. */
    Instant at();

    /** Which kind of event it is. */
    CallEventKind kind();

    /** The number as the PBX gives it, on an offered call; {@code null} on the others. */
    default @Nullable String number() {
        return null;
    }

    /** The agent who answered or to whom the call was transferred; {@code null} on the others. */
    default @Nullable EmployeeId agent() {
        return null;
    }

    /**
     * The event of {@code kind} with these fields, as a store reads it back; {@code number} is used by
     * {@link CallEventKind#OFFERED}, {@code agent} by {@link CallEventKind#ANSWERED} and
     * {@link CallEventKind#TRANSFERRED}.
     */
    static CallEvent of(CallEventKind kind, String callId, String line, @Nullable String number,
                        @Nullable EmployeeId agent, Instant at) {
        Objects.requireNonNull(kind, "kind");
        return switch (kind) {
            case OFFERED -> new Offered(callId, line, number == null ? "" : number, at);
            case ANSWERED -> new Answered(callId, line, Objects.requireNonNull(agent, "agent"), at);
            case TRANSFERRED -> new Transferred(callId, line, Objects.requireNonNull(agent, "agent"), at);
            case ENDED -> new Ended(callId, line, at);
            case MISSED -> new Missed(callId, line, at);
        };
    }

    /** A call came in on {@code line} from {@code number} (as the PBX writes it: "8 (495) 123-45-67", "+7495…"). */
    record Offered(String callId, String line, String number, Instant at) implements CallEvent {
        public Offered {
            Violations v = new Violations();
            callId = checkId(v, callId);
            line = checkLine(v, line);
            number = number == null ? "" : number.strip();
            if (number.isEmpty() || number.length() > MAX_LINE) {
                v.add("number", "call.number", number, "a caller's number has 1 to " + MAX_LINE + " characters");
            }
            v.throwIfAny();
            Objects.requireNonNull(at, "at");
        }

        @Override
        public CallEventKind kind() {
            return CallEventKind.OFFERED;
        }
    }

    /** {@code agent} picked the call up. */
    record Answered(String callId, String line, EmployeeId agent, Instant at) implements CallEvent {
        public Answered {
            Violations v = new Violations();
            callId = checkId(v, callId);
            line = checkLine(v, line);
            v.throwIfAny();
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public CallEventKind kind() {
            return CallEventKind.ANSWERED;
        }
    }

    /** The call was passed to {@code agent}. */
    record Transferred(String callId, String line, EmployeeId agent, Instant at) implements CallEvent {
        public Transferred {
            Violations v = new Violations();
            callId = checkId(v, callId);
            line = checkLine(v, line);
            v.throwIfAny();
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public CallEventKind kind() {
            return CallEventKind.TRANSFERRED;
        }
    }

    /** The call ended. */
    record Ended(String callId, String line, Instant at) implements CallEvent {
        public Ended {
            Violations v = new Violations();
            callId = checkId(v, callId);
            line = checkLine(v, line);
            v.throwIfAny();
            Objects.requireNonNull(at, "at");
        }

        @Override
        public CallEventKind kind() {
            return CallEventKind.ENDED;
        }
    }

    /** Nobody answered the call. */
    record Missed(String callId, String line, Instant at) implements CallEvent {
        public Missed {
            Violations v = new Violations();
            callId = checkId(v, callId);
            line = checkLine(v, line);
            v.throwIfAny();
            Objects.requireNonNull(at, "at");
        }

        @Override
        public CallEventKind kind() {
            return CallEventKind.MISSED;
        }
    }

    private static String checkId(Violations v, @Nullable String callId) {
        String id = callId == null ? "" : callId.strip();
        if (id.isEmpty() || id.length() > MAX_CALL_ID) {
            v.add("callId", "call.id", id, "a PBX call id has 1 to " + MAX_CALL_ID + " characters");
        }
        return id;
    }

    private static String checkLine(Violations v, @Nullable String line) {
        String l = line == null ? "" : line.strip();
        if (l.isEmpty() || l.length() > MAX_LINE) {
            v.add("line", "call.line", l, "a line has 1 to " + MAX_LINE + " characters");
        }
        return l;
    }

    /** Refuses a blank call id the same way the events do. */
    static String requireCallId(@Nullable String callId) {
        Violations v = new Violations();
        String id = checkId(v, callId);
        v.throwIfAny();
        return id;
    }
}
