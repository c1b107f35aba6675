package org.crm4j.core.client;

import org.crm4j.client.ClientStore;
import org.crm4j.tck.ClientStoreContract;

class InMemoryClientStoreContractTest extends ClientStoreContract {
    @Override
    protected ClientStore emptyStore() {
        return new InMemoryClientStore();
    }
}
