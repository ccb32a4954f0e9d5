-- Settled feature states (feature/internal/JdbcFeatureStates): for each customer the feature
-- engine's state of their events before the set's boundary, so the daily job and real-time
-- scoring read one row and the days since instead of the whole history.
--
-- A customer without a row has no event before the boundary; a row with a null state had
-- events before it arrive after it was settled (a late import), and is rebuilt from the log.
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

-- Late events: any insert into the log with events before the boundary marks their
-- customers' states stale in the same transaction, whoever inserts (API, import, another
-- process). The shared advisory lock lets a run starting wait for inserts in flight, so that
-- every insert either committed before the run reads or sees the run's pending boundary.
-- The key is FeatureStateLock.KEY in the application.
create function feature_state_late_events() returns trigger language plpgsql as $$
declare
    boundary date;
    current_epoch bigint;
begin
    perform pg_advisory_xact_lock_shared(7474211830);
    select greatest(settled_before, pending_before), epoch into boundary, current_epoch from feature_state_set;
    if boundary is null then
        return null;
    end if;
    insert into feature_state (customer_id, state, stale_epoch)
    select distinct customer_id, null::bytea, current_epoch from new_events where event_time < boundary
    on conflict (customer_id) do update set state = null, stale_epoch = excluded.stale_epoch;
    return null;
end
$$;

create trigger event_feature_state after insert on event
    referencing new table as new_events
    for each statement execute function feature_state_late_events();
