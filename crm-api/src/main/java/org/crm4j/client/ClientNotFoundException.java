package org.crm4j.client;

import org.crm4j.common.NotFoundException;

/** No client card has the id. */
public final class ClientNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final transient ClientId clientId;

    public ClientNotFoundException(ClientId clientId) {
        super("client", clientId);
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
