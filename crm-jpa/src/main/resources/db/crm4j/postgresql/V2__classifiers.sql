-- crm4j dictionaries, PostgreSQL. Codes compare by code point ("C"), as crm4j orders them.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).

create table ${prefix}classifier (
    kind    varchar(32)  not null,
    code    varchar(64)  collate "C" not null,
    name_ru varchar(200) not null,
    name_en varchar(200) not null,
    active  boolean      not null,
    version bigint       not null,
    primary key (kind, code)
);
