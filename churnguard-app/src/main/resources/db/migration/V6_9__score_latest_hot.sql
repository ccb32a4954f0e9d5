-- Every scoring rewrites a customer's latest score: the daily job a million rows, real time
-- one per event. The index on (risk_band, probability) served no query (target lists join
-- score_latest by customer id), yet because probability is in it every such update had to
-- insert into both indexes and leave the old row for vacuum. Without it, and with room left on
-- each page, an update can stay on its page as a heap-only tuple (HOT): no index entry, and
-- the old version is pruned by the next visit to the page instead of waiting for autovacuum.
drop index score_latest_band;
alter table score_latest set (fillfactor = 70);
