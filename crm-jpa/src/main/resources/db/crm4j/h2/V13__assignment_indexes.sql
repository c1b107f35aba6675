-- crm4j divides clients among managers. Two questions are read by manager from an index alone:
-- a manager's open deals (the least-loaded rule counts them beside the open tasks, which the
-- (responsible_id, status, due_at) index of V7 already serves), and the latest and number of the assignments
-- made to a manager over every card's history (round-robin), read from the assignment rows of the card parts;
-- the kind is in that index so that the count reads the index alone, never the rows.
create index ${prefix}deal_manager_ix on ${prefix}deal (manager_id, closed_at);
create index ${prefix}client_part_manager_ix on ${prefix}client_part (manager_id, kind, assigned_at);
