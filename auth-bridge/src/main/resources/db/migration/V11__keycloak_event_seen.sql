-- Keycloak's forwards of failed logins and lockouts (audit.KeycloakEvents, POST /internal/keycloak-events):
-- each Keycloak event id is recorded once, so a forward replayed within its signature's window is not
-- appended to the chain twice. Rows older than a day (far past any window) are deleted.
create table keycloak_event_seen (
    event_id varchar(36) primary key,
    seen_at  timestamptz not null
);
create index keycloak_event_seen_seen_at on keycloak_event_seen (seen_at);
