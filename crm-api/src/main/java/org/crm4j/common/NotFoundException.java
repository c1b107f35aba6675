package org.crm4j.common;

/** An aggregate looked up by id does not exist. {@link #id()} names it, {@link #aggregate()} says what it is. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String aggregate;
    private final String id;

    public NotFoundException(String aggregate, Object id) {
        super(aggregate + ".not-found", aggregate + " " + id + " does not exist");
        this.aggregate = aggregate;
        this.id = String.valueOf(id);
    }

    /** The kind of aggregate, such as {@code client}. */
    public String aggregate() {
        return aggregate;
    }

    /** The id that was looked up, as text. */
    public String id() {
        return id;
    }
}
