-- crm4j message templates and consents to be contacted, H2 2.x.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- A template is one row: its code, purpose and the subject and body in Russian and in English (either may be
-- absent, not both); version is the optimistic lock. Consents are a history only added to: the current consent of
-- a client, mechanism, address and purpose is its latest row, found by one range scan of the subject index.

create table ${prefix}message_template (
    code       varchar(64)   not null,
    version    bigint        not null,
    purpose    varchar(16)   not null,
    subject_ru varchar(300),
    body_ru    varchar(4000),
    subject_en varchar(300),
    body_en    varchar(4000),
    primary key (code)
);

create table ${prefix}consent (
    id         uuid          not null,
    client_id  uuid          not null,
    contact_id uuid,
    mechanism  varchar(16)   not null,
    address    varchar(320)  not null,
    purpose    varchar(16)   not null,
    granted    boolean       not null,
    given_at   timestamp(6) with time zone not null,
    source     varchar(200)  not null,
    primary key (id)
);
create index ${prefix}consent_subject_ix on ${prefix}consent (client_id, mechanism, address, purpose, given_at);
