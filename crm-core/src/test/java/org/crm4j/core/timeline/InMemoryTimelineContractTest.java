package org.crm4j.core.timeline;

import org.crm4j.core.InMemoryStorage;
import org.crm4j.storage.CrmStorage;
import org.crm4j.tck.TimelineQueryContract;

class InMemoryTimelineContractTest extends TimelineQueryContract {
    @Override
    protected CrmStorage emptyStorage() {
        return new InMemoryStorage();
    }
}
