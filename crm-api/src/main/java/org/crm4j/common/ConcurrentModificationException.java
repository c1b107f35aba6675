package org.crm4j.common;

import org.jspecify.annotations.Nullable;

/**
 * A save was based on a version that is no longer current: someone else changed the aggregate in between.
 * Reload and retry. Nothing of the refused save was written.
 */
public final class ConcurrentModificationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String aggregate;
    private final String id;
    private final long expectedVersion;
    private final @Nullable Long actualVersion;

    /**
     * @param actualVersion the stored version when known, {@code null} when the store could not tell
     */
    public ConcurrentModificationException(String aggregate, Object id, long expectedVersion,
                                           @Nullable Long actualVersion) {
        super(aggregate + ".concurrent-modification",
                aggregate + " " + id + " was changed concurrently: saved from version " + expectedVersion
                        + (actualVersion == null ? "" : ", stored version is " + actualVersion));
        this.aggregate = aggregate;
        this.id = String.valueOf(id);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String aggregate() {
        return aggregate;
    }

    public String id() {
        return id;
    }

    /** The version the refused save was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found in storage, when the store could tell. */
    public @Nullable Long actualVersion() {
        return actualVersion;
    }
}
