-- The behaviour event log, partitioned by month of event_time. Times are wall-clock times in
-- the business's time zone (churnguard.time-zone), as the source systems record them.
-- Idempotency: an event is identified by its id and time, so re-importing a file adds nothing.
create table event (
    event_id    varchar(64)  not null,
    customer_id varchar(64)  not null,
    event_time  timestamp    not null,
    event_type  varchar(16)  not null,
    subtype     varchar(32)  not null default '',
    amount      numeric(14, 2),
    quantity    double precision,
    attributes  jsonb,
    import_id   bigint,
    primary key (event_id, event_time)
) partition by range (event_time);
-- The customer timeline and the feature engine read a customer's events in time order.
create index event_customer_time on event (customer_id, event_time);
