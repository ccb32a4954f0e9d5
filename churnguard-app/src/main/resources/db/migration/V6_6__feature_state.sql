-- Settled feature states (feature/internal/JdbcFeatureStates): for each customer the feature
-- engine's state of their events before the set's boundary, so the daily job and real-time
-- scoring read one row and the days since instead of the whole history.
--
-- A customer without a row has no event before the boundary; a row with a null state had
-- events before it arrive after it was settled (a late import), and is rebuilt from the log.
-- The event loader marks those rows in the loading transaction (SettledFeatures.loading).
create table feature_state_set (
    id             smallint    primary key default 1 check (id = 1),
    -- the state layout (streams and windows of the feature set); states of another are unusable
    layout         varchar(64) not null,
    -- every stored state holds exactly the customer's events before this day
    settled_before date,
    -- a run that will settle at this day is under way: events before it are late already
    pending_before date,
    -- bumped by each run; a state marked stale during a run is not overwritten by that run
    epoch          bigint      not null default 0,
    written_at     timestamptz not null default now()
);

create table feature_state (
    customer_id varchar(64) primary key,
    state       bytea,
    stale_epoch bigint
);
