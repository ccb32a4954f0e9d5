-- The customer archive (客户档案). Personal fields (name, phone, email, id_card) are masked on
-- every page, API response and export unless the viewer's role may unmask them, and each
-- unmasked view is audited.
create table customer (
    customer_id       varchar(64)  primary key,
    name              varchar(128) not null,
    gender            char(1)      check (gender in ('M', 'F')),
    birth_year        smallint     check (birth_year between 1900 and 2100),
    phone             varchar(32),
    email             varchar(254),
    id_card           varchar(32),
    province          varchar(32),
    city              varchar(32),
    team              varchar(64),
    channel           varchar(32),
    plan              varchar(64),
    monthly_fee       numeric(12, 2),
    join_date         date         not null,
    contract_end_date date,
    group_account     boolean      not null default false,
    owner             varchar(64),
    value_grade       char(1)      check (value_grade in ('A', 'B', 'C', 'D', 'E')),
    graded_at         timestamptz,
    status            varchar(16)  not null default 'active' check (status in ('active', 'churned')),
    churn_date        date,
    churn_reason      varchar(64),
    attributes        jsonb        not null default '{}'::jsonb,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    last_import_id    bigint
);
-- Data scopes are enforced in queries: agents by owner, managers by province/team.
create index customer_owner on customer (owner);
create index customer_scope on customer (province, team);
create index customer_grade on customer (value_grade);
create index customer_status on customer (status);

-- Every grade a customer has had, for the 360 view and the up/down-grade report.
create table customer_grade_history (
    id             bigint generated always as identity primary key,
    customer_id    varchar(64) not null references customer (customer_id) on delete cascade,
    grade          char(1)     not null,
    previous_grade char(1),
    graded_at      timestamptz not null,
    grading_run_id bigint,
    reason         text
);
create index customer_grade_history_customer on customer_grade_history (customer_id, graded_at desc);

-- The declared schema of custom attributes: a user's own columns, imported into customer.attributes.
create table customer_attribute (
    name        varchar(64)  primary key,
    label_zh    varchar(128) not null,
    label_en    varchar(128) not null,
    type        varchar(16)  not null check (type in ('text', 'number', 'boolean', 'date')),
    description text,
    created_at  timestamptz  not null default now()
);
