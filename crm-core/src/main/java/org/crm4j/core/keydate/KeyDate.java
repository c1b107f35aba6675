package org.crm4j.core.keydate;

import java.time.LocalDate;
import java.util.Objects;
import org.crm4j.keydate.NotableEvent;

/**
 * A notable event falling on a day: the answer to "what is coming up".
 *
 * @param event the event
 * @param on    the day it falls on in the window asked about
 */
public record KeyDate(NotableEvent event, LocalDate on) {
    public KeyDate {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(on, "on");
    }
}
