package org.crm4j.assignment;

import java.util.Objects;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;

/**
 * How much open work a manager has: their open deals and their open tasks (open or in progress). Immutable.
 *
 * @param manager   the manager
 * @param openDeals deals not yet won, lost or postponed whose manager they are
 * @param openTasks open or in-progress tasks they are responsible for
 */
public record ManagerLoad(EmployeeId manager, long openDeals, long openTasks) {
    public ManagerLoad {
        Objects.requireNonNull(manager, "manager");
        if (openDeals < 0 || openTasks < 0) {
            throw new ValidationException("openDeals", "load.negative", openDeals + "/" + openTasks,
                    "a count of open work is never negative");
        }
    }

    /** A manager without open work. */
    public static ManagerLoad none(EmployeeId manager) {
        return new ManagerLoad(manager, 0, 0);
    }

    /** Open deals and open tasks together: what the least-loaded rule compares. */
    public long total() {
        return openDeals + openTasks;
    }
}
