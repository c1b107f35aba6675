package org.crm4j.core.schedule;

import org.crm4j.core.InMemoryStorage;
import org.crm4j.storage.CrmStorage;
import org.crm4j.tck.ScheduleQueryContract;

class InMemoryScheduleQueryContractTest extends ScheduleQueryContract {
    @Override
    protected CrmStorage emptyStorage() {
        return new InMemoryStorage();
    }
}
