-- crm4j interactions, PostgreSQL.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default). Interactions are only ever added.
-- external_id (the PBX's call id, the mail server's message id) is unique: recording is idempotent by it.

create table ${prefix}interaction (
    id           uuid          not null,
    external_id  varchar(200),
    type         varchar(64)   not null,
    direction    varchar(16)   not null,
    channel      varchar(16)   not null,
    started_at   timestamp(6) with time zone not null,
    duration_ms  bigint        not null,
    manager_id   varchar(64),
    client_id    uuid          not null,
    contact_id   uuid,
    subject      varchar(300)  not null,
    notes        varchar(4000),
    result       varchar(300),
    lead_source  varchar(64),
    cause        varchar(300),
    deal_ref     varchar(100),
    document_ref varchar(100),
    next_contact date,
    recorded_at  timestamp(6) with time zone not null,
    primary key (id),
    constraint ${prefix}interaction_external_uk unique (external_id)
);
create index ${prefix}interaction_client_ix on ${prefix}interaction (client_id, started_at);
create index ${prefix}interaction_manager_ix on ${prefix}interaction (manager_id, started_at);
