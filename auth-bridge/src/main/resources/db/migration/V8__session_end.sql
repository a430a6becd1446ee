-- Sessions end everywhere (issue 9). A password session keeps Keycloak's refresh token, sealed, so that
-- the bridge's logout can end Keycloak's own session too (server to server; the next person at a
-- shared computer must type a password). And a session's authorizations are found by its sid
-- (principal_name) to revoke its tokens on logout.
ALTER TABLE bridge_session ADD COLUMN upstream_refresh_token text;
CREATE INDEX oauth2_authorization_principal_idx ON oauth2_authorization (principal_name);
