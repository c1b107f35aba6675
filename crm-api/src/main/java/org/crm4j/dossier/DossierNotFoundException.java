package org.crm4j.dossier;

import org.crm4j.common.NotFoundException;

/** No dossier has the id. */
public final class DossierNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final transient DossierId dossierId;

    public DossierNotFoundException(DossierId dossierId) {
        super("dossier", dossierId);
        this.dossierId = dossierId;
    }

    public DossierId dossierId() {
        return dossierId;
    }
}
