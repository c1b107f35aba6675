package org.crm4j.core.interaction;

import org.crm4j.interaction.InteractionStore;
import org.crm4j.tck.InteractionStoreContract;

class InMemoryInteractionStoreContractTest extends InteractionStoreContract {
    @Override
    protected InteractionStore emptyStore() {
        return new InMemoryInteractionStore();
    }
}
