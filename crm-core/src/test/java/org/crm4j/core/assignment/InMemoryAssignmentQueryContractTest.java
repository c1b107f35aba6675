package org.crm4j.core.assignment;

import org.crm4j.core.InMemoryStorage;
import org.crm4j.storage.CrmStorage;
import org.crm4j.tck.AssignmentQueryContract;

class InMemoryAssignmentQueryContractTest extends AssignmentQueryContract {
    @Override
    protected CrmStorage emptyStorage() {
        return new InMemoryStorage();
    }
}
