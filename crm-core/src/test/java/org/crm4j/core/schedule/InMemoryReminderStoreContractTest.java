package org.crm4j.core.schedule;

import org.crm4j.schedule.ReminderStore;
import org.crm4j.tck.ReminderStoreContract;

class InMemoryReminderStoreContractTest extends ReminderStoreContract {
    @Override
    protected ReminderStore emptyStore() {
        return new InMemoryReminderStore();
    }
}
