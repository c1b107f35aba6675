-- crm4j message templates and consents to be contacted, MariaDB 10.7 or later.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- A template is one row: its code, purpose and the subject and body in Russian and in English (either may be
-- absent, not both); version is the optimistic lock. Consents are a history only added to: the current consent of
-- a client, mechanism, address and purpose is its latest row, found by one range scan of the subject index.
-- code and address compare exactly (binary collation), as they do in Java.

create table ${prefix}message_template (
    code       varchar(64) collate utf8mb4_bin   not null,
    version    bigint        not null,
    purpose    varchar(16)   not null,
    subject_ru varchar(300),
    body_ru    varchar(4000),
    subject_en varchar(300),
    body_en    varchar(4000),
    primary key (code)
) engine = InnoDB default character set utf8mb4 collate utf8mb4_unicode_ci;

create table ${prefix}consent (
    id         uuid          not null,
    client_id  uuid          not null,
    contact_id uuid,
    mechanism  varchar(16)   not null,
    address    varchar(320) collate utf8mb4_bin  not null,
    purpose    varchar(16)   not null,
    granted    boolean       not null,
    given_at   datetime(6) not null,
    source     varchar(200)  not null,
    primary key (id)
) engine = InnoDB default character set utf8mb4 collate utf8mb4_unicode_ci;
create index ${prefix}consent_subject_ix on ${prefix}consent (client_id, mechanism, address, purpose, given_at);
