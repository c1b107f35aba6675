package org.crm4j.core.deal;

import org.crm4j.deal.PipelineStore;
import org.crm4j.tck.PipelineStoreContract;

class InMemoryPipelineStoreContractTest extends PipelineStoreContract {
    @Override
    protected PipelineStore emptyStore() {
        return new InMemoryPipelineStore();
    }
}
