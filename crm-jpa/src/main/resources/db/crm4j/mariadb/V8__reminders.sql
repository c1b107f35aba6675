-- crm4j reminders (notifications due at a moment, delivered once), MariaDB 10.7 or later.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- notification_key is the idempotency key of the notification and is unique: a reminder is created once under it.
-- links holds the notification's links, one per line: its relation, a space, and its reference with '\'
-- written '\\' and a line break written '\n'; null when there are none.
-- A node claims a due reminder by setting claimed_by and claimed_until (its lease) in an update guarded by the
-- version, which is also the optimistic lock of saves.
-- notification_key and claimed_by compare exactly (binary collation), as keys and node names do in Java.

create table ${prefix}reminder (
    id               uuid          not null,
    version          bigint        not null,
    notification_key varchar(200) collate utf8mb4_bin not null,
    channel          varchar(64)   not null,
    recipient        varchar(200)  not null,
    subject          varchar(300)  not null,
    body             varchar(4000) not null,
    links            varchar(7000),
    due_at           datetime(6) not null,
    task_id          uuid,
    rule_code        varchar(64),
    status           varchar(16)   not null,
    claimed_by       varchar(100) collate utf8mb4_bin,
    claimed_until    datetime(6),
    attempts         integer       not null,
    fired_at         datetime(6),
    created_at       datetime(6) not null,
    primary key (id),
    constraint ${prefix}reminder_key_uk unique (notification_key)
) engine = InnoDB default character set utf8mb4 collate utf8mb4_unicode_ci;
-- The claim and the list of pending reminders: one range scan over the pending ones by due moment.
create index ${prefix}reminder_claim_ix on ${prefix}reminder (status, due_at);
create index ${prefix}reminder_task_ix on ${prefix}reminder (task_id, due_at);
