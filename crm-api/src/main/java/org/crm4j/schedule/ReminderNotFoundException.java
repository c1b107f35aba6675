package org.crm4j.schedule;

import org.crm4j.common.NotFoundException;

/** No reminder is stored under the id. */
public final class ReminderNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ReminderNotFoundException(ReminderId id) {
        super("reminder", id);
    }
}
