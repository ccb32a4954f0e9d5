-- Routing a new warning asks how many open warnings each person carries, but only up to their
-- capacity: a person at capacity gets no more, whatever the exact figure. Counting through an
-- index of open warnings alone stops after that many entries per person, where counting every
-- open warning of the company grew with the backlog (tens of thousands of rows read for every
-- batch of real-time events that raised a warning).
create index warning_open_owner on warning (owner) where status <> 'closed';
