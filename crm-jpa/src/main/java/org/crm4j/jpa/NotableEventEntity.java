package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of a notable event. {@code monthDay} ({@code month * 100 + day}) is kept beside the date so that the
 * yearly events of a window are found by an index range. The version is checked in the update itself.
 */
@Entity(name = "CrmNotableEvent")
@Table(name = "crm_notable_event")
class NotableEventEntity {
    @Id
    UUID id;
    long version;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "contact_id")
    UUID contactId;
    String kind;
    String title;
    @Column(name = "event_date")
    LocalDate eventDate;
    boolean yearly;
    @Column(name = "month_day")
    int monthDay;
    String note;

    protected NotableEventEntity() {
    }

    NotableEventEntity(UUID id) {
        this.id = id;
    }
}
