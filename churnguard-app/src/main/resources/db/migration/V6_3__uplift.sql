-- Uplift (增量响应) models learned from finished campaigns, targeting plans that spend a budget with
-- them, and the target list a plan puts on a draft campaign.

-- A trained uplift model: one model per action, its files (uplift.json + XGBoost UBJSON boosters,
-- never Java serialization) in uplift_model_file, its Qini/AUUC on the held-out members in evaluation.
create table uplift_model (
    id           varchar(64)  primary key,
    version      integer      not null unique,
    name         text         not null,
    learner      varchar(16)  not null check (learner in ('X_LEARNER', 'TWO_MODEL')),
    campaign_ids bigint[]     not null,
    actions      text[]       not null,
    rows         integer      not null,
    holdout_rows integer      not null,
    qini         double precision,
    auuc         double precision,
    evaluation   jsonb        not null,
    training     jsonb        not null,
    created_at   timestamptz  not null,
    created_by   varchar(128) not null
);

create table uplift_model_file (
    model_id varchar(64) not null references uplift_model (id) on delete cascade,
    name     text        not null,
    content  bytea       not null,
    primary key (model_id, name)
);

-- A targeting plan for a campaign and a budget: whom to contact with which action (contacts), whom
-- to leave alone (do_not_contact: negative estimated uplift for every action), and how it compares
-- with risk targeting (summary). Kept as computed, so applying it applies what the user saw.
create table targeting_plan (
    id              bigint generated always as identity primary key,
    campaign_id     bigint        not null references campaign (id),
    uplift_model_id varchar(64)   not null references uplift_model (id),
    churn_model_id  varchar(64),
    budget          numeric(14, 2) not null check (budget > 0),
    summary         jsonb         not null,
    contacts        jsonb         not null,
    do_not_contact  jsonb         not null,
    created_at      timestamptz   not null,
    created_by      varchar(128)  not null,
    applied_at      timestamptz,
    applied_by      varchar(128)
);
create index targeting_plan_campaign on targeting_plan (campaign_id, id desc);

-- The target list an applied plan gives a campaign: at launch the list is the campaign's filter
-- restricted to these customers, each planned with the plan's action. The contact policies and the
-- control-group hold-out still apply at launch.
create table campaign_target (
    campaign_id bigint       not null references campaign (id),
    customer_id varchar(64)  not null,
    action      varchar(64)  not null,
    plan_id     bigint       not null references targeting_plan (id),
    primary key (campaign_id, customer_id)
);
