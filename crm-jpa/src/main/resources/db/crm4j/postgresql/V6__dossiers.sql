-- crm4j dossiers (M-2), PostgreSQL.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- A dossier's set-valued parts (tags, client cards, links to other dossiers) share one table, told apart by kind,
-- so that a dossier of any size loads with its parts in one select; each kind has its own index for its search.
-- A link's target is checked by the store before it writes, not by a foreign key: dossiers are never deleted,
-- and on InnoDB the shared lock a foreign key check takes on the target would deadlock two dossiers linked to
-- each other at the same time.
-- Subject keys, word starts and tags compare as binary strings (lower case already, 'ё' folded to 'е'), so a
-- prefix search (LIKE 'key%') is an index range scan and never matches by collation.

create table ${prefix}dossier (
    id          uuid          not null,
    version     bigint        not null,
    kind        varchar(16)   not null,
    subject     varchar(200)  not null,
    subject_key varchar(200) collate "C" not null,
    summary     varchar(4000),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint ${prefix}dossier_pk primary key (id),
    constraint ${prefix}dossier_kind_ck check (kind in ('FIRM', 'PERSON', 'PRODUCT'))
);
-- Searches give dossiers in subject order: a search matching many walks this index and stops at its limit.
create index ${prefix}dossier_subject_key_ix on ${prefix}dossier (subject_key, id);

create table ${prefix}dossier_part (
    dossier_id  uuid          not null,
    ord         integer       not null,
    kind        varchar(8)    not null,
    tag         varchar(64) collate "C",
    client_id   uuid,
    link_type   varchar(16),
    target_id   uuid,
    constraint ${prefix}dossier_part_pk primary key (dossier_id, ord),
    constraint ${prefix}dossier_part_dossier_fk foreign key (dossier_id) references ${prefix}dossier (id),
    constraint ${prefix}dossier_part_kind_ck check (kind in ('TAG', 'CLIENT', 'LINK'))
);
create index ${prefix}dossier_part_tag_ix on ${prefix}dossier_part (tag);
create index ${prefix}dossier_part_client_ix on ${prefix}dossier_part (client_id);
create index ${prefix}dossier_part_target_ix on ${prefix}dossier_part (target_id, link_type);

-- Each word start of a subject key: the key from the start of a word to its end ("рога и копыта", "и копыта",
-- "копыта"). A search for the start of any word is a prefix match on word_start.
create table ${prefix}dossier_word (
    dossier_id  uuid          not null,
    ord         integer       not null,
    word_start  varchar(200) collate "C" not null,
    constraint ${prefix}dossier_word_pk primary key (dossier_id, ord),
    constraint ${prefix}dossier_word_dossier_fk foreign key (dossier_id) references ${prefix}dossier (id)
);
create index ${prefix}dossier_word_start_ix on ${prefix}dossier_word (word_start, dossier_id);

-- The timeline: facts are only ever added. The first index serves a keyset page, newest first; the second finds
-- what an interaction (a recorded call) told.
create table ${prefix}dossier_fact (
    id             uuid          not null,
    dossier_id     uuid          not null,
    fact_date      date          not null,
    body           varchar(4000) not null,
    source         varchar(300)  not null,
    interaction_id uuid,
    recorded_at    timestamp(6) with time zone not null,
    recorded_by    varchar(64),
    constraint ${prefix}dossier_fact_pk primary key (id),
    constraint ${prefix}dossier_fact_dossier_fk foreign key (dossier_id) references ${prefix}dossier (id)
);
create index ${prefix}dossier_fact_timeline_ix on ${prefix}dossier_fact (dossier_id, fact_date, recorded_at, id);
create index ${prefix}dossier_fact_interaction_ix on ${prefix}dossier_fact (interaction_id);

create table ${prefix}dossier_fact_tag (
    fact_id     uuid          not null,
    tag         varchar(64) collate "C" not null,
    constraint ${prefix}dossier_fact_tag_pk primary key (fact_id, tag),
    constraint ${prefix}dossier_fact_tag_fact_fk foreign key (fact_id) references ${prefix}dossier_fact (id)
);
