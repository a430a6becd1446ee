-- The working-day calendar that deadlines in working days are counted on (自受理之日起 N 个工作日):
-- Monday to Friday are working days except public holidays; a weekend day is a working day when the
-- State Council's annual notice moves work onto it (调休上班). Only the exceptions are stored.
create table review_calendar_day (
    day         date        primary key,
    kind        varchar(16) not null check (kind in ('holiday', 'working_weekend')),
    festival    varchar(16) not null check (festival <> ''),
    -- true while the year's notice is not yet published: statutory days only, no 调休 yet
    provisional boolean     not null default false,
    -- a working weekend must be a Saturday or Sunday
    constraint review_calendar_day_weekend check (kind <> 'working_weekend' or extract(isodow from day) in (6, 7))
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
insert into review_calendar_day (day, kind, festival)
select d::date, 'holiday', f from (values
    ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
    ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'),
    ('2026-02-19', '春节'), ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'),
    ('2026-02-23', '春节'),
    ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
    ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'),
    ('2026-05-05', '劳动节'),
    ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
    ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
    ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'),
    ('2026-10-05', '国庆节'), ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')
) as h (d, f);

insert into review_calendar_day (day, kind, festival)
select d::date, 'working_weekend', f from (values
    ('2026-01-04', '元旦'), ('2026-02-14', '春节'), ('2026-02-28', '春节'), ('2026-05-09', '劳动节'),
    ('2026-09-20', '国庆节'), ('2026-10-10', '国庆节')
) as w (d, f);

-- 2027: PROVISIONAL. The notice for 2027 was not available when this was written, so these are the
-- statutory holidays of 全国年节及纪念日放假办法 (2024 revision) on 2027's dates, without 调休. Replace
-- them with the notice's days in a new migration when it is published (delete where provisional).
insert into review_calendar_day (day, kind, festival, provisional)
select d::date, 'holiday', f, true from (values
    ('2027-01-01', '元旦'),
    ('2027-02-05', '春节'), ('2027-02-06', '春节'), ('2027-02-07', '春节'), ('2027-02-08', '春节'),
    ('2027-04-05', '清明节'),
    ('2027-05-01', '劳动节'), ('2027-05-02', '劳动节'),
    ('2027-06-09', '端午节'),
    ('2027-09-15', '中秋节'),
    ('2027-10-01', '国庆节'), ('2027-10-02', '国庆节'), ('2027-10-03', '国庆节')
) as p (d, f);
