package org.crm4j.core.task;

import org.crm4j.task.TaskStore;
import org.crm4j.tck.TaskStoreContract;

class InMemoryTaskStoreContractTest extends TaskStoreContract {
    @Override
    protected TaskStore emptyStore() {
        return new InMemoryTaskStore();
    }
}
