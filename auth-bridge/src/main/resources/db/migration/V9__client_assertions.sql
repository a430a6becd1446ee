-- Every client assertion (RFC 7523, private_key_jwt) the token endpoint accepted, by client and jti,
-- kept until it expired: the same assertion presented again is refused, on whichever instance.
CREATE TABLE accepted_client_assertion (
    client_id text NOT NULL,
    jti text NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX accepted_client_assertion_expires_idx ON accepted_client_assertion (expires_at);
