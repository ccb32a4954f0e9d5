-- How long each phase of a scoring run took, in milliseconds, in the order the phases ran
-- (json, not jsonb, which would reorder the keys).
alter table scoring_run add column phases json;
