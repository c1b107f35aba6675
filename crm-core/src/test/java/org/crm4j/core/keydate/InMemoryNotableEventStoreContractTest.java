package org.crm4j.core.keydate;

import org.crm4j.keydate.NotableEventStore;
import org.crm4j.tck.NotableEventStoreContract;

class InMemoryNotableEventStoreContractTest extends NotableEventStoreContract {
    @Override
    protected NotableEventStore emptyStore() {
        return new InMemoryNotableEventStore();
    }
}
