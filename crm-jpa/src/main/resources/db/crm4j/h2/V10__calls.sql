-- crm4j incoming calls, H2 2.x.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default). One row per call, keyed by the PBX's
-- call id; the row is the fold of the call's events, each kind taken once (seen_kinds). wait_ms is the waiting
-- time derived from the moments (to the answer, or to the hang-up of an abandoned call), kept so that the
-- service level compares one column with the threshold on every database alike.

create table ${prefix}phone_call (
    id          varchar(200)  not null,
    version     bigint        not null,
    line_code   varchar(64)   not null,
    raw_number  varchar(64),
    client_id   uuid,
    contact_id  uuid,
    agent_id    varchar(64),
    offered_at  timestamp(6) with time zone not null,
    answered_at timestamp(6) with time zone,
    ended_at    timestamp(6) with time zone,
    outcome     varchar(16)   not null,
    seen_kinds  varchar(64)   not null,
    wait_ms     bigint,
    primary key (id)
);
create index ${prefix}phone_call_line_ix on ${prefix}phone_call (line_code, offered_at);
create index ${prefix}phone_call_client_ix on ${prefix}phone_call (client_id);
-- A screen pop reads the caller's deals by client; V9 indexed deals only by pipeline.
create index ${prefix}deal_by_client_ix on ${prefix}deal (client_id, created_at);
