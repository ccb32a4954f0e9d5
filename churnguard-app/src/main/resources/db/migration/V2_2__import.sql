-- Every import's summary, kept and shown; rejects with line, column, value and reason.
create table import_run (
    id                bigint generated always as identity primary key,
    kind              varchar(16)  not null check (kind in ('customers', 'events')),
    file_name         text,
    format            varchar(8),
    charset           varchar(16),
    mapping           text,
    source            varchar(16)  not null check (source in ('cli', 'console', 'api')),
    status            varchar(16)  not null check (status in ('running', 'completed', 'failed', 'interrupted')),
    started_by        varchar(128) not null,
    started_at        timestamptz  not null,
    finished_at       timestamptz,
    heartbeat_at      timestamptz  not null,
    rows_read         bigint       not null default 0,
    accepted          bigint       not null default 0,
    updated           bigint       not null default 0,
    duplicates        bigint       not null default 0,
    rejected          bigint       not null default 0,
    unknown_customers bigint       not null default 0,
    elapsed_ms        bigint,
    error             text,
    notes             text
);

create table import_reject (
    import_id   bigint       not null references import_run (id) on delete cascade,
    line        bigint       not null,
    column_name varchar(128),
    value       text,
    reason      text         not null
);
create index import_reject_import on import_reject (import_id, line);
