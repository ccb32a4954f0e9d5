-- The model registry: every trained model with its provenance, metrics, model card, report and
-- files (XGBoost UBJSON / coefficients + JSON metadata — never Java serialization). Exactly one
-- champion scores customers; challengers wait to be promoted; a promotion can be rolled back.
create table model (
    id          varchar(64)  primary key,
    version     integer      not null unique,
    name        text         not null,
    algorithm   varchar(16)  not null,
    status      varchar(16)  not null check (status in ('candidate', 'champion', 'challenger', 'retired')),
    source      text         not null,
    rows        integer      not null,
    features    integer      not null,
    auc         double precision,
    result      jsonb        not null,
    training    jsonb        not null,
    model_card  jsonb        not null,
    report_html text,
    created_at  timestamptz  not null,
    created_by  varchar(128) not null,
    promoted_at timestamptz,
    promoted_by varchar(128),
    previous_champion varchar(64)
);
create unique index model_one_champion on model (status) where status = 'champion';

create table model_file (
    model_id varchar(64) not null references model (id) on delete cascade,
    name     text        not null,
    content  bytea       not null,
    primary key (model_id, name)
);

-- Scores: the history of every run, and each customer's latest for fast lists and warnings.
create table scoring_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    started_by  varchar(128) not null,
    as_of       date         not null,
    model_id    varchar(64)  not null references model (id),
    customers   bigint       not null default 0,
    high        bigint       not null default 0,
    medium      bigint       not null default 0,
    low         bigint       not null default 0,
    elapsed_ms  bigint,
    error       text
);

create table score (
    run_id        bigint           not null references scoring_run (id) on delete cascade,
    customer_id   varchar(64)      not null,
    as_of         date             not null,
    model_id      varchar(64)      not null,
    probability   double precision not null,
    risk_band     varchar(8)       not null,
    value_at_risk numeric(14, 2),
    reasons       jsonb
);
create index score_customer on score (customer_id, as_of desc);

create table score_latest (
    customer_id   varchar(64)      primary key,
    run_id        bigint           not null,
    scored_at     timestamptz      not null,
    as_of         date             not null,
    model_id      varchar(64)      not null,
    probability   double precision not null,
    risk_band     varchar(8)       not null,
    value_at_risk numeric(14, 2),
    reasons       jsonb
);
create index score_latest_band on score_latest (risk_band, probability desc);
