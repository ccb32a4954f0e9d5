-- Notifications: the inbox (one row per recipient and event), webhook endpoints, and the outbox
-- of deliveries by email and webhook that a dispatcher works off with retries.

create table notification (
    id          bigint generated always as identity primary key,
    recipient   varchar(64)  not null,
    kind        varchar(64)  not null,
    level       varchar(8)   not null check (level in ('I', 'II', 'III', 'IV', 'INFO')),
    event_key   varchar(200),
    title_zh    varchar(200) not null,
    title_en    varchar(200) not null,
    body_zh     text         not null default '',
    body_en     text         not null default '',
    link        varchar(500),
    facts       jsonb        not null default '[]',
    region      varchar(64),
    created_at  timestamptz  not null,
    read_at     timestamptz,
    -- Notifying a recipient twice about one event is a no-op (null keys never collide).
    constraint notification_recipient_key unique (recipient, event_key)
);
create index notification_inbox on notification (recipient, id desc);
create index notification_unread on notification (recipient) where read_at is null;

-- Group robots and other receivers. url and secret are AES-GCM sealed ('enc:v1:…') when
-- churnguard.secrets.key is configured: a robot's URL carries its access token.
create table webhook (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null unique,
    type        varchar(16)  not null check (type in ('wecom', 'dingtalk', 'feishu', 'generic')),
    url         text         not null,
    secret      text,
    kinds       text[]       not null default '{}',
    levels      text[]       not null default '{}',
    regions     text[]       not null default '{}',
    locale      varchar(16)  not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
    enabled     boolean      not null default true,
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null
);

-- The outbox: pending rows are due at next_attempt_at; dead rows are the dead-letter list.
create table notification_delivery (
    id              bigint generated always as identity primary key,
    notification_id bigint       not null references notification (id) on delete cascade,
    channel         varchar(16)  not null check (channel in ('email', 'webhook')),
    address         varchar(254),
    webhook_id      bigint       references webhook (id) on delete cascade,
    event_key       varchar(200),
    status          varchar(16)  not null check (status in ('pending', 'delivered', 'dead')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    requeued_at     timestamptz,
    requeued_by     varchar(64),
    check ((channel = 'email' and address is not null) or (channel = 'webhook' and webhook_id is not null)),
    -- A webhook gets one message per event, however many recipients were told.
    constraint notification_delivery_webhook_key unique (webhook_id, event_key)
);
create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'pending';
create index notification_delivery_status on notification_delivery (status, id desc);
create index notification_delivery_notification on notification_delivery (notification_id);

-- The language a user reads notifications in (emails, API); zh-CN when absent.
create table notification_preference (
    username    varchar(64)  primary key,
    locale      varchar(16)  not null check (locale in ('zh-CN', 'en'))
);
