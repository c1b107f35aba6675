-- crm4j tasks and reminders, PostgreSQL.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- due_at is the deadline as a moment; due_date is the date of a task due on a date without a time (its due_at
-- is then the last microsecond of that date in the zone it was planned in): a date is never a midnight instant.
-- source_key makes creation idempotent (interaction:<id>:follow-up) and is unique; version is the optimistic lock.

create table ${prefix}task (
    id             uuid          not null,
    version        bigint        not null,
    kind           varchar(16)   not null,
    title          varchar(300)  not null,
    notes          varchar(4000),
    responsible_id varchar(64)   not null,
    due_at         timestamp(6) with time zone not null,
    due_date       date,
    priority       varchar(16)   not null,
    client_id      uuid,
    deal_ref       varchar(100),
    interaction_id uuid,
    status         varchar(16)   not null,
    board_column   varchar(64)   not null,
    completed_at   timestamp(6) with time zone,
    regulation     varchar(64),
    source_key     varchar(200),
    created_at     timestamp(6) with time zone not null,
    primary key (id),
    constraint ${prefix}task_source_uk unique (source_key)
);
-- A person's open tasks by deadline: the agenda (one range scan) and the overdue policy.
create index ${prefix}task_responsible_ix on ${prefix}task (responsible_id, status, due_at);
create index ${prefix}task_client_ix on ${prefix}task (client_id, due_at);
create index ${prefix}task_column_ix on ${prefix}task (board_column, status);
create index ${prefix}task_interaction_ix on ${prefix}task (interaction_id);
