-- The score history, partitioned by month of as_of: it grows by one row per active customer
-- and day, and a month's partition is dropped whole when churnguard.scoring.history-months
-- have passed (the scoring run does it), instead of deleting rows or growing for ever.
alter table score rename to score_unpartitioned;
alter index score_customer rename to score_unpartitioned_customer;
alter index score_run rename to score_unpartitioned_run;

create table score (
    run_id        bigint           not null references scoring_run (id) on delete cascade,
    customer_id   varchar(64)      not null,
    as_of         date             not null,
    model_id      varchar(64)      not null,
    probability   double precision not null,
    risk_band     varchar(8)       not null,
    value_at_risk numeric(14, 2),
    reasons       jsonb
) partition by range (as_of);
create index score_customer on score (customer_id, as_of desc);
create index score_run on score (run_id);

-- The months already scored, named as MonthlyPartitions names them.
do $$
declare
    month date;
begin
    for month in select distinct date_trunc('month', as_of)::date from score_unpartitioned loop
        execute format('create table %I partition of score for values from (%L) to (%L)',
                       'score_y' || to_char(month, 'YYYY') || 'm' || to_char(month, 'MM'),
                       month, (month + interval '1 month')::date);
    end loop;
end
$$;

insert into score select * from score_unpartitioned;
drop table score_unpartitioned;
