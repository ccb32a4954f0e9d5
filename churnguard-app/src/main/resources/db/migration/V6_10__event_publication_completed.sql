-- Delivered publications are now deleted on completion (spring.modulith.events.completion-mode);
-- those kept until now serve nothing. Spring Modulith creates the table after the migrations
-- have run, so a new workspace does not have it yet.
do $$
begin
    if to_regclass('event_publication') is not null then
        delete from event_publication where completion_date is not null;
    end if;
end
$$;
