-- crm4j sales pipelines and deals, H2 2.x.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- A pipeline's stages are rows in board order (stage_order). A deal keeps its current stage, that stage's kind
-- and its amount (decimal + ISO 4217 currency); deal_stage holds its stage history, one row per stage entered,
-- numbered from 0 (its creation), which the funnel reads. Probabilities are in [0, 1] with 4 fraction digits.
-- Moments are timestamps to the microsecond; the expected close date is a date, never a midnight instant.

create table ${prefix}pipeline (
    code         varchar(64)   not null,
    name         varchar(200)  not null,
    version      bigint        not null,
    primary key (code)
);

create table ${prefix}pipeline_stage (
    pipeline_code varchar(64)  not null,
    stage_order   integer      not null,
    code          varchar(64)  not null,
    name          varchar(200) not null,
    probability   decimal(5,4) not null,
    kind          varchar(16)  not null,
    idle_days     integer      not null,
    primary key (pipeline_code, stage_order)
);

create table ${prefix}deal (
    id                 uuid          not null,
    version            bigint        not null,
    client_id          uuid          not null,
    pipeline           varchar(64)   not null,
    stage              varchar(64)   not null,
    kind               varchar(16)   not null,
    amount             decimal(34,4) not null,
    currency           varchar(3)    not null,
    probability        decimal(5,4)  not null,
    probability_source varchar(16)   not null,
    manager_id         varchar(64)   not null,
    lead_source        varchar(64),
    campaign           varchar(64),
    expected_close     date,
    lost_reason        varchar(64),
    created_at         timestamp(6) with time zone not null,
    last_activity_at   timestamp(6) with time zone not null,
    closed_at          timestamp(6) with time zone,
    primary key (id)
);
-- The board and the idle deals: a pipeline's deals by stage and last activity.
create index ${prefix}deal_stage_ix on ${prefix}deal (pipeline, stage, last_activity_at);
-- The funnel and the results: a pipeline's deals created in a period.
create index ${prefix}deal_created_ix on ${prefix}deal (pipeline, created_at);
-- The forecast: a pipeline's open deals by expected close date.
create index ${prefix}deal_forecast_ix on ${prefix}deal (pipeline, kind, expected_close);
create index ${prefix}deal_client_ix on ${prefix}deal (client_id, created_at);

create table ${prefix}deal_stage (
    deal_id     uuid         not null,
    seq         integer      not null,
    from_stage  varchar(64),
    to_stage    varchar(64)  not null,
    kind        varchar(16)  not null,
    changed_at  timestamp(6) with time zone not null,
    actor_id    varchar(64)  not null,
    primary key (deal_id, seq)
);
