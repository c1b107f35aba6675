package org.crm4j.task;

import org.crm4j.common.CrmException;

/**
 * A column of the Kanban board holds as many open tasks as its work-in-progress limit allows, and a task may
 * not be created in it or moved to it. Code {@code task.wip-limit}.
 */
public final class WipLimitException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final int limit;

    public WipLimitException(String column, int limit) {
        super("task.wip-limit", "the column '" + column + "' already holds its limit of " + limit
                + " open tasks; finish or move one first");
        this.column = column;
        this.limit = limit;
    }

    /** The code of the full column. */
    public String column() {
        return column;
    }

    /** Its work-in-progress limit. */
    public int limit() {
        return limit;
    }
}
