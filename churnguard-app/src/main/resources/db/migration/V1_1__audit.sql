-- The tamper-evident audit log. Each row's hash covers its content and the previous row's hash,
-- so editing or deleting any row breaks the chain from there on; `audit verify` finds it.
create table audit_log (
    id          bigint       primary key,
    at          timestamptz  not null,
    actor       varchar(128) not null,
    action      varchar(64)  not null,
    object_type varchar(64),
    object_id   varchar(256),
    source_ip   varchar(64),
    result      varchar(16)  not null,
    details     text,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, at);
create index audit_log_object on audit_log (object_type, object_id);

-- One row holding the chain's head. Appenders lock it, which serialises appends across
-- processes (a server and a CLI may share the database) and gives gap-free ids.
create table audit_chain_head (
    singleton   boolean primary key default true check (singleton),
    last_id     bigint   not null,
    last_hash   char(64) not null
);
insert into audit_chain_head (last_id, last_hash) values (0, repeat('0', 64));

-- Append-only: the application never updates or deletes audit rows, and the database refuses to.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
