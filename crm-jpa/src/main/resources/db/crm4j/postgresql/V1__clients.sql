-- crm4j client cards, PostgreSQL. ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- Name keys use the "C" collation so that a prefix search (LIKE 'key%') is an index range scan.

create table ${prefix}client (
    id             uuid         not null,
    version        bigint       not null,
    kind           varchar(24)  not null,
    relation       varchar(24)  not null,
    name           varchar(300) not null,
    name_key       varchar(300) collate "C" not null,
    full_name      varchar(500),
    legal_form     varchar(100),
    surname        varchar(100),
    given_name     varchar(100),
    patronymic     varchar(100),
    inn            varchar(12),
    kpp            varchar(9),
    ogrn           varchar(13),
    ogrnip         varchar(15),
    foreign_tax_id varchar(20),
    unique_key     varchar(40),
    region         varchar(64),
    industry       varchar(64),
    lead_source    varchar(64),
    manager_id     varchar(64),
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    constraint ${prefix}client_pk primary key (id),
    constraint ${prefix}client_unique_key_uk unique (unique_key)
);
create index ${prefix}client_name_key_ix on ${prefix}client (name_key, id);
create index ${prefix}client_inn_ix on ${prefix}client (inn);
create index ${prefix}client_manager_ix on ${prefix}client (manager_id);

create table ${prefix}client_contact (
    id          uuid         not null,
    client_id   uuid         not null,
    card_version bigint      not null,
    ord         integer      not null,
    surname     varchar(100) not null,
    given_name  varchar(100) not null,
    patronymic  varchar(100),
    position    varchar(200),
    birthday    date,
    notes       varchar(2000),
    constraint ${prefix}client_contact_pk primary key (id),
    constraint ${prefix}client_contact_client_fk foreign key (client_id) references ${prefix}client (id)
);
create index ${prefix}client_contact_client_ix on ${prefix}client_contact (client_id, ord);

-- The list-valued parts of a card, one row each, told apart by kind: PHONE, EMAIL, ADDRESS, BANK_ACCOUNT,
-- TAG and ASSIGNMENT. contact_id is set for the phones and e-mails of a contact person. Keeping them in one
-- table loads a whole card, whatever its size, in three selects (card, contact persons, parts).
-- card_version, here and in ${prefix}client_contact, is the version of the card the row was written with: a
-- reader that finds it different from the card's version has read across a concurrent update, and reads again.
create table ${prefix}client_part (
    client_id             uuid          not null,
    card_version          bigint        not null,
    ord                   integer       not null,
    kind                  varchar(16)   not null,
    contact_id            uuid,
    purpose               varchar(24),
    phone                 varchar(16),
    extension             varchar(10),
    email                 varchar(254),
    country               varchar(2),
    postal_code           varchar(12),
    region                varchar(200),
    city                  varchar(200),
    line                  varchar(500),
    bank_code             varchar(11),
    account               varchar(34),
    correspondent_account varchar(20),
    bank_name             varchar(300),
    tag                   varchar(100),
    manager_id            varchar(64),
    assigned_by           varchar(64),
    assigned_at           timestamp(6) with time zone,
    reason                varchar(500),
    constraint ${prefix}client_part_pk primary key (client_id, ord),
    constraint ${prefix}client_part_client_fk foreign key (client_id) references ${prefix}client (id),
    constraint ${prefix}client_part_kind_ck check (kind in ('PHONE', 'EMAIL', 'ADDRESS', 'BANK_ACCOUNT', 'TAG', 'ASSIGNMENT'))
);
create index ${prefix}client_part_phone_ix on ${prefix}client_part (phone);
create index ${prefix}client_part_email_ix on ${prefix}client_part (email);
