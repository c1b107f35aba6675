package org.crm4j.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row of a pipeline; its stages are {@link PipelineStageEntity} rows. The version is checked in the update. */
@Entity(name = "CrmPipeline")
@Table(name = "crm_pipeline")
class PipelineEntity {
    @Id
    String code;
    String name;
    long version;

    protected PipelineEntity() {
    }

    PipelineEntity(String code, String name, long version) {
        this.code = code;
        this.name = name;
        this.version = version;
    }
}
