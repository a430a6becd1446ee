-- Who reviews what (issue 12, item 2; package review, ReviewScope). A reviewer reviews the services of the
-- service groups their Keycloak realm roles name (reviewer-<group>, besides the role reviewer itself) and
-- sees and acts on nothing else: another service's case is a 404, as if it did not exist. The role
-- supervisor (a composite of reviewer in the realm) sees every service and may (re)assign any open case.
-- Which group a service belongs to is data: moving a service is a migration (or an insert), not code.
create table review_scope (
    role         varchar(64) not null check (role ~ '^reviewer-[a-z][a-z0-9-]*$'),
    service_code varchar(64) not null references catalogue_service (code) on delete cascade,
    primary key (role, service_code)
);

create index review_scope_service_idx on review_scope (service_code);

insert into review_scope (role, service_code)
values
    -- talent: recognition and chief technicians (services 1 and 2)
    ('reviewer-talent', 'talent-recognition'),
    ('reviewer-talent', 'chief-technician'),
    -- titles and skills, handled in the provincial systems (3-7): the references handed off
    ('reviewer-titles', 'title-review'),
    ('reviewer-titles', 'skill-appraisal'),
    ('reviewer-titles', 'first-title-recognition'),
    ('reviewer-titles', 'title-re-review'),
    ('reviewer-titles', 'title-certificate-reissue'),
    -- funding and subsidies (8 and 9)
    ('reviewer-funding', 'research-station-funding'),
    ('reviewer-funding', 'rent-subsidy');

-- The roles a reviewer's login carried when the workbench last saw them, to offer as assignees only those
-- who review the case's service.
alter table reviewer_seen add column roles text[] not null default '{}';
