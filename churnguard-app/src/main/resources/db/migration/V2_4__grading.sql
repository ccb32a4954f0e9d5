-- Value grading runs (客户分级): when, by whom, with which rules, what changed, and the
-- up/down-grade report per region.
create table grading_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    started_by  varchar(128) not null,
    as_of       date         not null,
    rules       text         not null,
    customers   bigint       not null default 0,
    changed     bigint       not null default 0,
    upgrades    bigint       not null default 0,
    downgrades  bigint       not null default 0,
    report      jsonb
);
create index grading_run_started on grading_run (started_at desc);
