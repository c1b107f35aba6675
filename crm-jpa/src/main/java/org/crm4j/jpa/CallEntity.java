package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The row of an incoming call, keyed by the PBX's call id. The kinds of event taken are a comma-separated list
 * ({@code OFFERED,ANSWERED}); the waiting time is kept in milliseconds beside the moments it is derived from, so
 * that the service level compares a column with the threshold on every database alike. The version is a plain
 * column checked in the update ({@code where id = ? and version = ?}), as for tasks.
 */
@Entity(name = "CrmCall")
@Table(name = "crm_phone_call")
class CallEntity {
    @Id
    String id;
    long version;
    @Column(name = "line_code")
    String line;
    @Column(name = "raw_number")
    String rawNumber;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "contact_id")
    UUID contactId;
    @Column(name = "agent_id")
    String agentId;
    @Column(name = "offered_at")
    Instant offeredAt;
    @Column(name = "answered_at")
    Instant answeredAt;
    @Column(name = "ended_at")
    Instant endedAt;
    String outcome;
    @Column(name = "seen_kinds")
    String seenKinds;
    @Column(name = "wait_ms")
    Long waitMs;

    protected CallEntity() {
    }

    CallEntity(String id) {
        this.id = id;
    }
}
