-- The bridge's login sessions. The browser holds a signed JWT cookie naming the session (sid); this
-- table is the authority behind it: logout ends a session everywhere (a cookie whose sid is ended is
-- refused), tokens are minted from these claims, and the verified ID number (encrypted) is kept here
-- for the userinfo endpoint, so it never travels in a token or a cookie.
CREATE TABLE bridge_session (
    sid text PRIMARY KEY,
    subject text NOT NULL,
    acr text NOT NULL,
    claims text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at timestamptz,
    id_number_encrypted bytea
);
CREATE INDEX bridge_session_subject_idx ON bridge_session (subject);
