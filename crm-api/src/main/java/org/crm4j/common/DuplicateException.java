package org.crm4j.common;

/**
 * A save would break a uniqueness rule, such as a second client card with the same INN and KPP.
 * {@link #key()} names the rule and {@link #value()} the duplicated value. Nothing was written.
 */
public class DuplicateException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public DuplicateException(String aggregate, String key, Object value) {
        super(aggregate + ".duplicate-" + key, aggregate + " with " + key + " " + value + " already exists");
        this.key = key;
        this.value = String.valueOf(value);
    }

    /** The unique key that would be broken, such as {@code inn} or {@code id}. */
    public String key() {
        return key;
    }

    /** The duplicated value. */
    public String value() {
        return value;
    }
}
