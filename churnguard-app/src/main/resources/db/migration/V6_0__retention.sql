-- Retention (挽留): playbooks, campaigns with approval, target lists with randomized control
-- groups, contact tasks with outcomes, black/white lists and contact permissions.

-- Playbooks (挽留策略库): churn reason × segment × grade → an action on a channel, with its cost,
-- script and the role that carries it out. '*' matches anything.
create table playbook (
    id           bigint generated always as identity primary key,
    name         varchar(128) not null,
    churn_reason varchar(80)  not null default '*',
    segment      varchar(64)  not null default '*',
    grade        char(1)      not null default '*' check (grade in ('A', 'B', 'C', 'D', 'E', '*')),
    action       varchar(64)  not null,
    channel      varchar(16)  not null check (channel in ('phone', 'sms', 'email', 'visit', 'app', 'wechat')),
    cost         numeric(12, 2) not null default 0 check (cost >= 0),
    script_zh    text         not null,
    script_en    text         not null,
    owner_role   varchar(32)  not null check (owner_role in ('RETENTION_HEAD', 'SALES_MANAGER',
        'SERVICE_MANAGER', 'AGENT')),
    enabled      boolean      not null default true,
    updated_at   timestamptz  not null,
    updated_by   varchar(128) not null
);
insert into playbook (name, churn_reason, segment, grade, action, channel, cost, script_zh, script_en, owner_role,
                      updated_at, updated_by) values
    ('高价值客户专属回访', '*', '*', 'A', 'vip_callback', 'visit', 80,
     '由客户经理上门拜访，了解不满原因并提供专属权益。', 'The account manager visits, hears the complaint and offers exclusive benefits.',
     'SALES_MANAGER', now(), 'system'),
    ('投诉客户安抚回访', 'complaints_30d', '*', '*', 'complaint_care', 'phone', 12,
     '致电客户，就近期投诉致歉并跟进处理结果，可赠送话费补偿。', 'Call the customer, apologise for the recent complaints, follow up and offer a bill credit.',
     'AGENT', now(), 'system'),
    ('合约到期续约优惠', 'contract_days_left', '*', '*', 'renewal_offer', 'phone', 15,
     '合约即将到期，推荐续约套餐并赠送流量包。', 'The contract is ending: recommend a renewal plan with a free data pack.',
     'AGENT', now(), 'system'),
    ('通用关怀短信', '*', '*', '*', 'care_sms', 'sms', 0.1,
     '【关怀】感谢您一直以来的支持，回复1领取本月专属优惠。', 'Thank you for staying with us: reply 1 for this month''s offer.',
     'AGENT', now(), 'system');

-- Campaigns (营销活动): draft → submitted → scheduled (approved) → running → finished; a rejected
-- campaign goes back to its author as 'rejected' and may be edited and submitted again.
create table campaign (
    id                 bigint generated always as identity primary key,
    name               varchar(128)  not null,
    description        text,
    kind               varchar(16)   not null check (kind in ('batch', 'triggered')),
    status             varchar(16)   not null check (status in ('draft', 'submitted', 'rejected', 'scheduled',
        'running', 'finished')),
    filter             jsonb         not null default '{}'::jsonb,
    playbook_ids       bigint[]      not null default '{}',
    action             varchar(64)   not null,
    channel            varchar(16)   not null check (channel in ('phone', 'sms', 'email', 'visit', 'app', 'wechat')),
    cost_per_contact   numeric(12, 2) not null default 0 check (cost_per_contact >= 0),
    baseline_retention double precision not null check (baseline_retention > 0 and baseline_retention < 1),
    expected_uplift    double precision not null check (expected_uplift > 0 and expected_uplift < 1),
    min_control_share  double precision not null check (min_control_share >= 0.05 and min_control_share <= 0.5),
    observation_days   integer       not null default 90 check (observation_days between 7 and 365),
    control_size       integer,
    seed               bigint        not null,
    start_at           timestamptz,
    created_at         timestamptz   not null,
    created_by         varchar(128)  not null,
    submitted_at       timestamptz,
    decided_at         timestamptz,
    decided_by         varchar(128),
    decision_note      text,
    launched_at        timestamptz,
    finished_at        timestamptz,
    updated_at         timestamptz   not null
);
create index campaign_status on campaign (status);

-- Who is in a campaign and in which group. The assignment is the experiment: it is written once
-- and never changed; a trigger refuses updates and deletes.
create table campaign_member (
    campaign_id  bigint       not null references campaign (id),
    customer_id  varchar(64)  not null,
    grp          varchar(16)  not null check (grp in ('treatment', 'control', 'exempt')),
    stratum      varchar(32)  not null,
    risk_band    varchar(8),
    grade        char(1),
    province     varchar(32),
    team         varchar(64),
    owner        varchar(64),
    channel      varchar(16)  not null,
    action       varchar(64)  not null,
    playbook_id  bigint,
    annual_value numeric(14, 2),
    enrolled_at  timestamptz  not null,
    source       varchar(64)  not null,
    primary key (campaign_id, customer_id)
);
create index campaign_member_customer on campaign_member (customer_id);

create function campaign_member_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'campaign_member is immutable: the group assignment of campaign % customer % cannot change',
        old.campaign_id, old.customer_id;
end $$;
create trigger campaign_member_no_update before update or delete on campaign_member
    for each row execute function campaign_member_immutable();

-- Customers left out of a campaign's list, and why (black list, do-not-contact, frequency …).
create table campaign_exclusion (
    campaign_id bigint       not null references campaign (id),
    customer_id varchar(64)  not null,
    reason      varchar(32)  not null,
    at          timestamptz  not null,
    primary key (campaign_id, customer_id)
);

-- One contact task per treated member: issued to an owner on a channel, worked, and closed with
-- an outcome. An issued task counts as a contact for the frequency policy unless cancelled.
create table contact_task (
    id          bigint generated always as identity primary key,
    campaign_id bigint        not null references campaign (id),
    customer_id varchar(64)   not null,
    owner       varchar(64),
    channel     varchar(16)   not null,
    action      varchar(64)   not null,
    playbook_id bigint,
    cost        numeric(12, 2) not null default 0,
    status      varchar(16)   not null check (status in ('open', 'done', 'cancelled')),
    outcome     varchar(16)   check (outcome in ('reached', 'accepted', 'declined', 'unreachable')),
    issued_at   timestamptz   not null,
    recorded_at timestamptz,
    recorded_by varchar(128),
    notes       text,
    unique (campaign_id, customer_id)
);
create index contact_task_customer on contact_task (customer_id, issued_at);
create index contact_task_owner on contact_task (owner, status);

-- Black list (黑名单: never contacted) and white list (白名单: always treated, never held out).
create table contact_list (
    kind        varchar(8)   not null check (kind in ('black', 'white')),
    customer_id varchar(64)  not null,
    reason      text,
    added_at    timestamptz  not null,
    added_by    varchar(128) not null,
    primary key (kind, customer_id)
);

-- Contact permissions: do-not-contact (免打扰) and marketing consent. No row means the customer
-- may be contacted; the archive's import does not carry these, so they are kept here.
create table contact_preference (
    customer_id    varchar(64)  primary key,
    do_not_contact boolean      not null default false,
    consent        boolean      not null default true,
    updated_at     timestamptz  not null,
    updated_by     varchar(128) not null
);
