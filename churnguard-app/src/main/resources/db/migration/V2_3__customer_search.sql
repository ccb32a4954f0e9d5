-- Searching the archive by name prefix and by phone without scanning a million rows.
create index customer_name_prefix on customer (name text_pattern_ops);
create index customer_phone on customer (phone);
