package org.crm4j.deal;

import org.crm4j.common.NotFoundException;

/** No pipeline is stored under the code. */
public final class PipelineNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** The pipeline {@code code} does not exist. */
    public PipelineNotFoundException(String code) {
        super("pipeline", code);
    }
}
