-- Exactly which files each signed package version sealed. Reviewers read these, not the live
-- application_material rows: while a returned case's materials are being replaced, the other cases
-- are still reviewed on what was submitted and signed.
create table submission_package_file (
    id            uuid         primary key,
    package_id    uuid         not null references submission_package (id),
    position      integer      not null check (position > 0),
    material_code varchar(64)  not null references catalogue_material (code),
    file_sha256   char(64)     not null references stored_file (sha256),
    file_name     varchar(255) not null,
    unique (package_id, position)
);

create index submission_package_file_sha_idx on submission_package_file (file_sha256);
