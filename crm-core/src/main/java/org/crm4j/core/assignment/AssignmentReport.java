package org.crm4j.core.assignment;

import java.util.List;
import java.util.Objects;
import org.crm4j.client.ClientId;

/**
 * What a walk over many clients did: each client assigned or reassigned in its own transaction, and those
 * refused, with why; a refusal changed nothing of its client and did not stop the walk. Immutable.
 *
 * @param done   the clients handled, in the order they were met
 * @param failed the clients refused, in the order they were met
 */
public record AssignmentReport(List<Reassignment> done, List<Failure> failed) {
    public AssignmentReport {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
    }

    /** How many clients got another manager. */
    public long changed() {
        return done.stream().filter(Reassignment::changed).count();
    }

    /**
     * A client refused.
     *
     * @param client  the client
     * @param code    the {@link org.crm4j.common.CrmException#code()} of the refusal
     * @param message the refusal in words
     */
    public record Failure(ClientId client, String code, String message) {
        public Failure {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
