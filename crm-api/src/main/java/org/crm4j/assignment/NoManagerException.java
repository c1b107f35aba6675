package org.crm4j.assignment;

import java.util.Objects;
import org.crm4j.client.ClientId;
import org.crm4j.common.CrmException;

/**
 * The assignment rules found no manager for a client: the team is empty, everyone is away, or a required step
 * matched only managers who cannot take the client. {@link #step()} names the step that left nobody. Nothing
 * was changed.
 */
public final class NoManagerException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient ClientId client;
    private final String step;

    public NoManagerException(ClientId client, String step, String why) {
        super("assignment.no-manager", "no manager for client " + Objects.requireNonNull(client, "client")
                + ": step '" + Objects.requireNonNull(step, "step") + "' left nobody (" + why + ")");
        this.client = client;
        this.step = step;
    }

    /** The client nobody was found for. */
    public ClientId client() {
        return client;
    }

    /** The step of the rules that left no candidate: {@code team}, {@code absences}, {@code region}, … */
    public String step() {
        return step;
    }
}
