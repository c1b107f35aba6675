package org.crm4j.core.history;

import org.crm4j.history.WorkHistoryStore;
import org.crm4j.tck.WorkHistoryStoreContract;

class InMemoryWorkHistoryStoreContractTest extends WorkHistoryStoreContract {
    @Override
    protected WorkHistoryStore emptyStore() {
        return new InMemoryWorkHistoryStore();
    }
}
