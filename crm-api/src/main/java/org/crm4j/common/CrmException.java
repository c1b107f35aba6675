package org.crm4j.common;

/**
 * The root of every exception crm4j throws. Unchecked; each subclass carries structured fields a program can
 * match on, and {@link #code()} gives a stable machine-readable code.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    protected CrmException(String code, String message) {
        super(message);
        this.code = code;
    }

    protected CrmException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable machine-readable code, such as {@code "validation"} or {@code "client.not-found"}. */
    public String code() {
        return code;
    }
}
