-- crm4j dictionaries, MariaDB 10.7 or later. Codes compare as binary, as crm4j orders them.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).

create table ${prefix}classifier (
    kind    varchar(32)  not null,
    code    varchar(64)  character set utf8mb4 collate utf8mb4_bin not null,
    name_ru varchar(200) not null,
    name_en varchar(200) not null,
    active  boolean      not null,
    version bigint       not null,
    primary key (kind, code)
) engine = InnoDB default character set utf8mb4 collate utf8mb4_unicode_ci;
