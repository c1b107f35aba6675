package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry of a deal's stage history, numbered from 0 (its creation). Never updated. */
@Entity(name = "CrmDealStage")
@Table(name = "crm_deal_stage")
@IdClass(DealStageEntity.Key.class)
class DealStageEntity {
    @Id
    @Column(name = "deal_id")
    UUID dealId;
    @Id
    int seq;
    @Column(name = "from_stage")
    String fromStage;
    @Column(name = "to_stage")
    String toStage;
    String kind;
    @Column(name = "changed_at")
    Instant changedAt;
    @Column(name = "actor_id")
    String actorId;

    protected DealStageEntity() {
    }

    DealStageEntity(UUID dealId, int seq) {
        this.dealId = dealId;
        this.seq = seq;
    }

    /** The composite identity: the deal and the entry's number. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        UUID dealId;
        int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(dealId, k.dealId) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(dealId, seq);
        }
    }
}
