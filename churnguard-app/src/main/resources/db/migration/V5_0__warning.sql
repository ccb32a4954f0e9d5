-- Early warnings (预警). One open warning per customer and cause; levels I (most severe) to IV.
create table warning_level_matrix (
    risk_band varchar(8) not null check (risk_band in ('high', 'medium', 'low')),
    grade     char(1)    not null check (grade in ('A', 'B', 'C', 'D', 'E', '-')),
    level     smallint   check (level between 1 and 4),
    primary key (risk_band, grade)
);
-- Defaults: a high-value customer at moderate risk outranks a low-value one at high risk.
-- '-' is a customer without a grade yet.
insert into warning_level_matrix (risk_band, grade, level) values
    ('high', 'A', 1), ('high', 'B', 1), ('high', 'C', 2), ('high', 'D', 3), ('high', 'E', 4), ('high', '-', 3),
    ('medium', 'A', 2), ('medium', 'B', 2), ('medium', 'C', 3), ('medium', 'D', 4), ('medium', 'E', null), ('medium', '-', 4),
    ('low', 'A', 4), ('low', 'B', null), ('low', 'C', null), ('low', 'D', null), ('low', 'E', null), ('low', '-', null);

create table warning_rule (
    id          bigint generated always as identity primary key,
    name        varchar(64)  not null unique,
    expression  text         not null,
    level       smallint     not null check (level between 1 and 4),
    message_zh  text         not null,
    message_en  text         not null,
    action      text,
    enabled     boolean      not null default true,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(128) not null
);
insert into warning_rule (name, expression, level, message_zh, message_en, action, updated_by) values
    ('usage_collapse_with_complaints', 'usage_voice_30d_change < -0.5 && complaints_30d >= 2.0', 2,
     '通话量较前期下降超过一半，且近30天投诉{complaints_30d}次', 'Call minutes fell by more than half and {complaints_30d} complaints in 30 days',
     'callback', 'system'),
    ('contract_ending', 'contract_days_left >= 0.0 && contract_days_left <= 30.0', 3,
     '合约将在{contract_days_left}天内到期', 'The contract ends within {contract_days_left} days', 'renewal_offer', 'system'),
    ('overdue_payment', 'overdue_payments_60d > 0.0', 3,
     '近60天有{overdue_payments_60d}笔逾期欠费', '{overdue_payments_60d} overdue payments in 60 days', 'billing_care', 'system');

create table warning (
    id               bigint generated always as identity primary key,
    customer_id      varchar(64)  not null,
    cause            varchar(80)  not null,
    level            smallint     not null check (level between 1 and 4),
    status           varchar(16)  not null check (status in ('new', 'assigned', 'in_progress', 'closed')),
    outcome          varchar(16)  check (outcome in ('retained', 'lost', 'false_alarm', 'unreachable')),
    probability      double precision,
    risk_band        varchar(8),
    model_id         varchar(64),
    reasons          jsonb        not null default '[]'::jsonb,
    value_at_risk    numeric(14, 2),
    action           text,
    owner            varchar(64),
    province         varchar(32),
    team             varchar(64),
    grade            char(1),
    raised_at        timestamptz  not null,
    updated_at       timestamptz  not null,
    due_at           timestamptz  not null,
    escalations      smallint     not null default 0,
    closed_at        timestamptz,
    notes            text
);
create unique index warning_open_per_cause on warning (customer_id, cause) where status <> 'closed';
create index warning_owner on warning (owner, status);
create index warning_status_due on warning (status, due_at);
create index warning_customer on warning (customer_id, raised_at desc);

create table warning_history (
    id          bigint generated always as identity primary key,
    warning_id  bigint       not null references warning (id) on delete cascade,
    at          timestamptz  not null,
    actor       varchar(128) not null,
    action      varchar(32)  not null,
    status      varchar(16)  not null,
    level       smallint     not null,
    owner       varchar(64),
    note        text
);
create index warning_history_warning on warning_history (warning_id, at);
