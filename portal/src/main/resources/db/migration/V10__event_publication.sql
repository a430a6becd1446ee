-- Spring Modulith's JDBC event publication registry (spring-modulith-events-jdbc 2.0.3, schema v2:
-- schemas/v2/schema-postgresql.sql in its jar). Modulith's own schema initialisation stays off
-- (spring.modulith.events.jdbc.schema-initialization.enabled=false): the schema is Flyway's.
--
-- A row is written, in the publishing transaction, for every event (e.g. cases.CaseAccepted) and every
-- listener that runs after the commit; it is completed when that listener has run, so an event whose
-- listener failed or was cut off by a restart stays incomplete and can be resubmitted. Listeners inside
-- the transaction (the audit chain's) are not recorded here: they commit or roll back with the change.
create table event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
