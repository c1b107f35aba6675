package org.crm4j.core.dossier;

import org.crm4j.dossier.DossierStore;
import org.crm4j.tck.DossierStoreContract;

class InMemoryDossierStoreContractTest extends DossierStoreContract {
    @Override
    protected DossierStore emptyStore() {
        return new InMemoryDossierStore();
    }
}
