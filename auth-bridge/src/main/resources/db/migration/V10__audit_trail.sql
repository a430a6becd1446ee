-- The bridge's own audit trail (issue 10, item 5; audit.AuditTrail): logins by door and outcome,
-- step-ups, ended sessions, refused 粤信签 callbacks, signing-key rotations, exports. A hash chain in
-- the signing library's canonical form (signing.AuditChain: the portal's, with no application or case),
-- so that `signing.jar audit-verify` checks the bridge's export as it checks the portal's.
-- No ID number, token, password or code is ever written here: actors are the bridge's opaque subjects,
-- details are reason codes and opaque ids (audit.AuditEntry refuses anything else).
create table audit_event (
    seq           bigserial     primary key,
    occurred_at   timestamptz   not null,
    actor_subject varchar(64)   not null,
    actor_role    varchar(16)   not null check (actor_role in ('person', 'upstream', 'auditor', 'system')),
    event_type    varchar(64)   not null,
    detail        varchar(1000) not null default '',
    prev_hash     char(64)      not null,
    hash          char(64)      not null unique
);

-- Signed checkpoints of that chain (audit.AuditCheckpoints), hourly and on shutdown: its head sealed by
-- the bureau seal and time-stamped. No foreign key to audit_event, on purpose: a checkpoint must
-- outlive the events it sealed, so that their deletion (a truncated tail) is what it reveals.
create table audit_checkpoint (
    id                 bigserial     primary key,
    head_seq           bigint        not null check (head_seq >= 0),
    event_count        bigint        not null check (event_count >= 0),
    head_hash          char(64)      not null,
    checkpoint_at      timestamptz   not null,
    signature          bytea         not null,
    time_stamp_token   bytea,
    time_stamped_at    timestamptz,
    time_stamp_problem varchar(1000),
    check ((time_stamp_token is null) = (time_stamped_at is null))
);
