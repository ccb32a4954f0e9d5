-- Routing a new warning asks how many open warnings each person carries, but only up to their
-- capacity: a person at capacity gets no more, whatever the exact figure. Counting through an
-- index of open warnings alone stops after that many entries per person, where counting every
-- open warning of the company grew with the backlog (tens of thousands of rows read for every
-- batch of real-time events that raised a warning).
create index warning_open_owner on warning (owner) where status <> 'closed';
-- Every real-time rescoring refreshes the figures of its customer's open warning. Room left on
-- each page lets such an update stay on its page as a heap-only tuple, without new entries in
-- the table's indexes (none of the refreshed figures is indexed).
alter table warning set (fillfactor = 80);
