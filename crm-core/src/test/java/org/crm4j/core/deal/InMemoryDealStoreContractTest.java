package org.crm4j.core.deal;

import org.crm4j.deal.DealStore;
import org.crm4j.tck.DealStoreContract;

class InMemoryDealStoreContractTest extends DealStoreContract {
    @Override
    protected DealStore emptyStore() {
        return new InMemoryDealStore();
    }
}
