-- The applicant's side of the portal: real-name profiles, bundled applications and their cases,
-- content-addressed material files, signed package versions, and the audit hash chain.
-- The domain model is described in portal/README.md ("Domain model").

-- 实名信息: one per login subject (the bridge's `sub`). Face-verified data comes from the bridge and
-- is locked; password individuals declare theirs. ID numbers are never stored in clear.
create table applicant_profile (
    subject              varchar(255) primary key,
    subject_type         varchar(16)  not null check (subject_type in ('individual', 'enterprise')),
    verification         varchar(16)  not null check (verification in ('face_verified', 'declared')),
    name                 varchar(100) not null check (name <> ''),
    -- individuals: ID type, AES-256-GCM ciphertext (type as associated data), keyed lookup hash, mask
    id_type              varchar(16)  check (id_type in ('resident_id', 'passport')),
    id_number_cipher     bytea,
    id_number_hash       bytea,
    id_number_masked     varchar(32),
    phone                varchar(20),
    -- enterprises: unified social credit code and a contact person
    usci                 char(18),
    contact_name         varchar(100),
    -- consent: which text the person agreed to, and when
    consent_text_version varchar(32)  not null,
    consented_at         timestamptz  not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    constraint applicant_profile_individual_complete check (subject_type <> 'individual' or
        (id_type is not null and id_number_cipher is not null and id_number_hash is not null
         and id_number_masked is not null and usci is null)),
    constraint applicant_profile_enterprise_complete check (subject_type <> 'enterprise' or
        (usci is not null and contact_name is not null and id_number_cipher is null))
);

-- Not unique: one person may hold a face-verified and a password account (different subjects).
create index applicant_profile_id_number_hash_idx on applicant_profile (id_number_hash);
create index applicant_profile_usci_idx on applicant_profile (usci);

-- An application bundles the services one applicant chose ("一件事"). It is a draft until submitted.
create table application (
    id                 uuid         primary key,
    -- human-readable reference shown to applicants and reviewers, e.g. JYRC-20261125-4F7K2Q
    reference          varchar(32)  not null unique,
    applicant_subject  varchar(255) not null references applicant_profile (subject),
    status             varchar(16)  not null check (status in ('draft', 'submitted')),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    submitted_at       timestamptz,
    -- optimistic locking (Spring Data JDBC @Version)
    version            integer      not null default 0,
    constraint application_submitted_at check ((status = 'submitted') = (submitted_at is not null))
);

create index application_applicant_idx on application (applicant_subject, created_at desc);

-- One case per chosen service, each with its own state:
-- draft → pending (待办) → in_progress (办理中) → completed (已办结) | returned (已退回) → pending again
-- on resubmission; handed_off for services the provincial systems handle.
create table application_case (
    id                 uuid         primary key,
    application_id     uuid         not null references application (id) on delete cascade,
    service_code       varchar(64)  not null references catalogue_service (code),
    state              varchar(16)  not null
                       check (state in ('draft', 'pending', 'in_progress', 'completed', 'returned', 'handed_off')),
    -- the reviewer's reason when returned (shown to the applicant as text, never as HTML)
    return_reason      varchar(2000),
    -- handed-off services: the reference to quote on the provincial system
    handoff_reference  varchar(64),
    accepted_at        timestamptz,
    -- for time limits in working days: the date the case is due, counted from acceptance
    due_on             date,
    updated_at         timestamptz  not null,
    version            integer      not null default 0,
    unique (application_id, service_code),
    constraint application_case_reason check ((state = 'returned') = (return_reason is not null))
);

create index application_case_queue_idx on application_case (service_code, state, updated_at);

-- The answers of the one form (the union of the chosen services' fields), by field code.
create table application_answer (
    application_id uuid          not null references application (id) on delete cascade,
    field_code     varchar(64)   not null check (field_code ~ '^[a-z][a-z0-9-]*$'),
    value          varchar(4000) not null,
    primary key (application_id, field_code)
);

-- A file's bytes live in the content store under their SHA-256; the same bytes are stored once.
create table stored_file (
    sha256      char(64)    primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  bigint      not null check (size_bytes > 0),
    media_type  varchar(100) not null,
    created_at  timestamptz not null
);

-- The files an application gives for each required material (one or more per material).
create table application_material (
    id             uuid         primary key,
    application_id uuid         not null references application (id) on delete cascade,
    material_code  varchar(64)  not null references catalogue_material (code),
    file_sha256    char(64)     not null references stored_file (sha256),
    -- the name the applicant's device gave, cleaned for display; never used as a path
    file_name      varchar(255) not null,
    uploaded_at    timestamptz  not null,
    unique (application_id, material_code, file_sha256)
);

-- Every submission and resubmission seals the application into a new signed ASiC-E package version.
create table submission_package (
    id             uuid        primary key,
    application_id uuid        not null references application (id),
    package_version integer    not null check (package_version > 0),
    package_sha256 char(64)    not null references stored_file (sha256),
    signed_at      timestamptz not null,
    signer_subject varchar(500) not null,
    unique (application_id, package_version)
);

-- Every state change and every signing, as a hash chain: hash = SHA-256 over the previous hash and
-- this event's canonical content, so deleting or editing any row breaks every later hash.
create table audit_event (
    seq            bigserial    primary key,
    occurred_at    timestamptz  not null,
    actor_subject  varchar(255) not null,
    actor_role     varchar(16)  not null check (actor_role in ('applicant', 'reviewer', 'auditor', 'system')),
    event_type     varchar(64)  not null,
    application_id uuid,
    case_id        uuid,
    detail         varchar(4000) not null default '',
    prev_hash      char(64)     not null,
    hash           char(64)     not null unique
);

create index audit_event_application_idx on audit_event (application_id, seq);
create index audit_event_case_idx on audit_event (case_id, seq);
