-- crm4j regulation compliance over tasks, MariaDB 10.7 or later.
-- ${prefix} is the table prefix (Flyway placeholder, "crm_" by default).
-- The compliance report reads the tasks with a regulation whose deadline lies in a period: one range scan on
-- due_at, the regulation beside it so that tasks without one are skipped in the index.

create index ${prefix}task_compliance_ix on ${prefix}task (due_at, regulation);
