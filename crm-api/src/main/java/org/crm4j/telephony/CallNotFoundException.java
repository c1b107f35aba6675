package org.crm4j.telephony;

import org.crm4j.common.NotFoundException;

/** No call is stored under the PBX call id. */
public final class CallNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public CallNotFoundException(String callId) {
        super("call", callId);
    }
}
