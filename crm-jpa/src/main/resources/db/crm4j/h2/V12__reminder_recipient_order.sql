-- crm4j reminders are delivered in order per channel and recipient: a claim passes over a reminder while an earlier
-- one to the same recipient is pending. This index answers that question for each candidate.
create index ${prefix}reminder_recipient_ix on ${prefix}reminder (channel, recipient, status, due_at);
