-- crm4j notable events and key dates, H2 2.x.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default). month_day is month * 100 + day of
-- event_date, indexed, so that the yearly events of a window are one range scan whatever their year.

create table ${prefix}notable_event (
    id         uuid          not null,
    version    bigint        not null,
    client_id  uuid          not null,
    contact_id uuid,
    kind       varchar(32)   not null,
    title      varchar(200)  not null,
    event_date date          not null,
    yearly     boolean       not null,
    month_day  integer       not null,
    note       varchar(2000),
    primary key (id)
);
create index ${prefix}notable_event_client_ix on ${prefix}notable_event (client_id, event_date);
create index ${prefix}notable_event_once_ix on ${prefix}notable_event (yearly, event_date);
create index ${prefix}notable_event_yearly_ix on ${prefix}notable_event (yearly, month_day);
