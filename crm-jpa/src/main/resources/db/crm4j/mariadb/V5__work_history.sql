-- crm4j work history, MariaDB 10.7 or later.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default). One row per fact the ERP feeds: a sale
-- line (kind SALE), a payment (PAYMENT) or a claim (CLAIM); facts are only ever added. (kind, document_id, line)
-- is the ERP's key and unique, which makes feeding idempotent. amount and currency are a Money; a claim may name
-- no amount. The columns of the other kinds are null.
-- The index by client serves a client's history and figures. The reports over the client base (RFM, ABC/XYZ)
-- read a period's sales of every client, most of the table: a sequential scan is their plan. An index on
-- (kind, occurred_at) is left out on purpose: PostgreSQL's generic plan of a prepared statement, used from the
-- sixth execution, guesses a parameterised range at 0.5 % of the rows and would walk that index over them all.

create table ${prefix}work_fact (
    id           uuid          not null,
    kind         varchar(16)   not null,
    document_id  varchar(100) collate utf8mb4_bin not null,
    line         integer       not null,
    client_id    uuid          not null,
    occurred_at  datetime(6) not null,
    amount       decimal(24,4),
    currency     varchar(3),
    product_code varchar(64),
    product_name varchar(300),
    quantity     decimal(19,6),
    manager_id   varchar(64),
    method       varchar(16),
    days_late    integer,
    subject      varchar(300),
    constraint ${prefix}work_fact_pk primary key (id),
    constraint ${prefix}work_fact_key_uk unique (kind, document_id, line)
) engine = InnoDB default character set utf8mb4 collate utf8mb4_unicode_ci;
create index ${prefix}work_fact_client_ix on ${prefix}work_fact (client_id, occurred_at);
