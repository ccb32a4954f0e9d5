-- Users, roles and the data scope (region/team) that later modules enforce in their queries.
create table app_user (
    id              bigint generated always as identity primary key,
    username        varchar(64)  not null unique,
    display_name    varchar(128) not null,
    password_hash   varchar(200) not null,
    role            varchar(32)  not null,
    region          varchar(64),
    team            varchar(64),
    email           varchar(254),
    enabled         boolean      not null default true,
    created_at      timestamptz  not null default now(),
    password_changed_at timestamptz not null default now(),
    last_login_at   timestamptz,
    constraint app_user_role_check check (role in ('ADMIN', 'RETENTION_HEAD', 'SALES_MANAGER',
        'SERVICE_MANAGER', 'AGENT', 'ANALYST', 'AUDITOR'))
);

-- Failed logins drive account lockout and per-IP throttling; kept for the brute-force report.
create table login_failure (
    id          bigint generated always as identity primary key,
    username    varchar(128) not null,
    source_ip   varchar(64)  not null,
    at          timestamptz  not null default now()
);
create index login_failure_username_at on login_failure (username, at);
create index login_failure_ip_at on login_failure (source_ip, at);

-- API tokens: only a SHA-256 of the secret is kept; the prefix lets a user recognise a token.
create table api_token (
    id          bigint generated always as identity primary key,
    user_id     bigint       not null references app_user (id) on delete cascade,
    name        varchar(100) not null,
    prefix      varchar(16)  not null,
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz,
    last_used_at timestamptz,
    revoked_at  timestamptz
);
create index api_token_user on api_token (user_id);
