-- Access to a customer that comes from work rather than ownership: an agent given a warning
-- about a customer of their team whom they do not own must see that customer (profile,
-- timeline, contact fields, masked as usual) while the work is theirs. One user per piece of
-- work; the module doing the work grants and revokes.
create table customer_access_grant (
    work        varchar(80)  primary key,
    customer_id varchar(64)  not null references customer (customer_id) on delete cascade,
    username    varchar(64)  not null,
    granted_at  timestamptz  not null default now()
);

-- The scope's lookup: is this customer granted to this user?
create index customer_access_grant_user on customer_access_grant (username, customer_id);
