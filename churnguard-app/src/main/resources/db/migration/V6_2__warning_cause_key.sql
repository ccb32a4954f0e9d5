-- A rule warning's cause was keyed by the rule's name ("rule:<name>"), so renaming a rule
-- opened a second warning for the same customer and cause, and a closed one no longer
-- suppressed it. De-duplication and suppression now use cause_key: "model", or
-- "rule:<id>" of the rule that raised it. cause keeps the readable "rule:<name>" (shown in
-- the console and matched by playbooks); renaming a rule renames its open warnings' cause.
alter table warning add column cause_key varchar(80);

update warning w set cause_key = 'rule:' || r.id
from warning_rule r
where w.cause = 'rule:' || r.name;

-- Model warnings, and warnings of rules deleted since: their cause is the only key there is.
-- (Rule names start with a letter, so they never collide with "rule:<id>".)
update warning set cause_key = cause where cause_key is null;

alter table warning alter column cause_key set not null;

drop index warning_open_per_cause;
create unique index warning_open_per_cause on warning (customer_id, cause_key) where status <> 'closed';
