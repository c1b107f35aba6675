package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One stage of a pipeline, at its place in board order. */
@Entity(name = "CrmPipelineStage")
@Table(name = "crm_pipeline_stage")
@IdClass(PipelineStageEntity.Key.class)
class PipelineStageEntity {
    @Id
    @Column(name = "pipeline_code")
    String pipelineCode;
    @Id
    @Column(name = "stage_order")
    int stageOrder;
    String code;
    String name;
    @Column(precision = 5, scale = 4)
    BigDecimal probability;
    String kind;
    @Column(name = "idle_days")
    int idleDays;

    protected PipelineStageEntity() {
    }

    PipelineStageEntity(String pipelineCode, int stageOrder) {
        this.pipelineCode = pipelineCode;
        this.stageOrder = stageOrder;
    }

    /** The composite identity: the pipeline and the place. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String pipelineCode;
        int stageOrder;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(pipelineCode, k.pipelineCode) && stageOrder == k.stageOrder;
        }

        @Override
        public int hashCode() {
            return Objects.hash(pipelineCode, stageOrder);
        }
    }
}
