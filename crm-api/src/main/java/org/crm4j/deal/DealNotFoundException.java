package org.crm4j.deal;

import org.crm4j.common.NotFoundException;

/** No deal is stored under the id. */
public final class DealNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** The deal {@code id} does not exist. */
    public DealNotFoundException(DealId id) {
        super("deal", id);
    }
}
