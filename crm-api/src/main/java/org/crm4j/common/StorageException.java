package org.crm4j.common;

/**
 * Storage failed for a reason that is not the caller's input (connection lost, disk full). The change was not
 * applied; the cause is kept for diagnosis, but the provider's exception type never escapes as the thrown type.
 */
public final class StorageException extends CrmException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super("storage", message, cause);
    }
}
