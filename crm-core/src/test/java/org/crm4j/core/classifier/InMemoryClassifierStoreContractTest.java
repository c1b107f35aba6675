package org.crm4j.core.classifier;

import org.crm4j.classifier.ClassifierStore;
import org.crm4j.tck.ClassifierStoreContract;

class InMemoryClassifierStoreContractTest extends ClassifierStoreContract {
    @Override
    protected ClassifierStore emptyStore() {
        return new InMemoryClassifierStore();
    }
}
