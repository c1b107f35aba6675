package org.crm4j.core.consent;

import org.crm4j.consent.ConsentStore;
import org.crm4j.tck.ConsentStoreContract;

class InMemoryConsentStoreContractTest extends ConsentStoreContract {
    @Override
    protected ConsentStore emptyStore() {
        return new InMemoryConsentStore();
    }
}
