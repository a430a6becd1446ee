-- The reviewer workbench (issue 12, item 1; package review, written by cases.Cases like every column of
-- application_case).
--
-- Who works on a case: one reviewer at a time. Claimed (or assigned) cases are acted on only by their
-- reviewer; an unassigned case is claimed by the reviewer who accepts it. Kept after completion, so the
-- case says who handled it.
alter table application_case add column assigned_to varchar(255);
alter table application_case add column assigned_at timestamptz;
alter table application_case add constraint application_case_assignment
    check ((assigned_to is null) = (assigned_at is null));

-- Keyset paging of the workbench's lists: within a state, the earliest due day first (cases with none
-- last: 'infinity'), then the longest waiting (updated_at is when the case entered its state), then the
-- id, so every row has one place. One index per way the list is filtered first: a service's queue and
-- all services at once. They replace V3's queue index, whose order no page uses any more.
create index application_case_workbench_idx
    on application_case (service_code, state, (coalesce(due_on, 'infinity'::date)), updated_at, id);
create index application_case_workbench_all_idx
    on application_case (state, (coalesce(due_on, 'infinity'::date)), updated_at, id);
create index application_case_assigned_idx on application_case (assigned_to, state) where assigned_to is not null;
drop index application_case_queue_idx;

-- Search by the applicant's name (a prefix) through an index; the reference, the credit code and the ID
-- number's keyed lookup hash have theirs (V3).
create index applicant_profile_name_idx on applicant_profile (name text_pattern_ops);

-- Reviewers the workbench has seen (each visit refreshes the row), to offer them when a case is assigned.
-- Staff have no real-name record; the name is the one their login carries.
create table reviewer_seen (
    subject    varchar(255) primary key,
    name       varchar(100) not null,
    seen_at    timestamptz  not null
);
