package org.crm4j.core.template;

import org.crm4j.tck.TemplateStoreContract;
import org.crm4j.template.TemplateStore;

class InMemoryTemplateStoreContractTest extends TemplateStoreContract {
    @Override
    protected TemplateStore emptyStore() {
        return new InMemoryTemplateStore();
    }
}
