-- The score history, partitioned by month of as_of: it grows by one row per active customer
-- and day, and a month's partition is dropped whole when churnguard.scoring.history-months
-- have passed (the scoring run does it), instead of deleting rows or growing for ever.
alter table score rename to score_unpartitioned;
alter index score_customer rename to score_unpartitioned_customer;
alter index score_run rename to score_unpartitioned_run;

-- The same columns (LIKE copies them with their NOT NULLs and defaults, not the foreign key).
create table score (like score_unpartitioned including defaults including constraints)
    partition by range (as_of);
alter table score add foreign key (run_id) references scoring_run (id) on delete cascade;
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
