package org.crm4j.core.telephony;

import org.crm4j.tck.CallStoreContract;
import org.crm4j.telephony.CallStore;

class InMemoryCallStoreContractTest extends CallStoreContract {
    @Override
    protected CallStore emptyStore() {
        return new InMemoryCallStore();
    }
}
