-- Signed checkpoints of the audit chain (issue 10, item 5; audit.AuditCheckpoints): at least hourly and
-- on shutdown, the chain's head (last seq, its hash, the count of events up to it) and the time, sealed
-- by the bureau seal (detached CAdES over signing.AuditChain.Checkpoint#content()) and time-stamped by
-- the TSA when one is configured. A checkpoint whose TSA failed is kept unstamped, with the reason.
-- No foreign key to audit_event, on purpose: a checkpoint must outlive the events it sealed, so that
-- their deletion (a truncated tail) is what it reveals.
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

create index audit_checkpoint_head_idx on audit_checkpoint (head_seq);
