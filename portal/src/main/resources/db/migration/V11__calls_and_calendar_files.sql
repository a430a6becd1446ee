-- Each year's call (申报通知) of a service whose time limit is "per that year's call" (以当年申报通知为准):
-- its window, its notice and the handling limit it sets. This replaces catalogue_service.call_open, a
-- switch with no dates: a call is open from opens_on to closes_on (both included, China time), and the
-- call in force on a day is the latest one opened by then (catalogue.Catalogue).
--
-- The call and the service agree on the time limit kind: only a per-call service has calls.
alter table catalogue_service add constraint catalogue_service_code_time_limit unique (code, time_limit_kind);

create table catalogue_call (
    service_code    varchar(64) not null,
    time_limit_kind varchar(16) not null default 'per_year_call' check (time_limit_kind = 'per_year_call'),
    -- the first and the last day applications are taken; closes_on null: until the bureau closes it
    opens_on        date        not null,
    closes_on       date,
    -- the notice the call was published in
    notice_title    text        check (notice_title <> ''),
    notice_url      text        check (notice_url ~ '^https?://'),
    -- the handling limit the notice sets: N working days from acceptance; null when it sets none
    working_days    smallint    check (working_days > 0 and working_days <= 366),
    primary key (service_code, opens_on),
    constraint catalogue_call_window check (closes_on is null or closes_on >= opens_on),
    constraint catalogue_call_service foreign key (service_code, time_limit_kind)
        references catalogue_service (code, time_limit_kind)
);

-- What call_open = true meant, kept: open from now until the bureau closes it, no notice and no
-- handling limit on record (the guide gives neither). Record each year's call with its notice here.
insert into catalogue_call (service_code, opens_on)
select code, (now() at time zone 'Asia/Shanghai')::date
  from catalogue_service where time_limit_kind = 'per_year_call' and call_open;

alter table catalogue_service drop constraint catalogue_service_time_limit_complete;
alter table catalogue_service drop column call_open;
alter table catalogue_service add constraint catalogue_service_time_limit_complete check (
    (time_limit_kind = 'per_year_call') = (working_days is null));

-- The working-day calendar is one resource file per year now (src/main/resources/calendar/cn-<year>.txt,
-- read by deadlines.HolidayCalendar): adding a year is adding its file, checked at startup and by
-- the tests, with no database change. V7's rows are all in those files.
drop table review_calendar_day;
