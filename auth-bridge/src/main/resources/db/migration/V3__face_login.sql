-- A 粤信签 login transaction: opened by the bridge, verified by a signed callback, completed by the
-- browser that opened it. The browser binding is stored only as a SHA-256 hash.
CREATE TABLE face_login_transaction (
    id text PRIMARY KEY,
    state text NOT NULL,
    nonce text NOT NULL,
    browser_binding_hash bytea NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'verified', 'failed', 'completed')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    verified_at timestamptz,
    subject text,
    person_name text,
    id_type text,
    id_number_encrypted bytea,
    id_number_masked text,
    trust_level text
);
CREATE INDEX face_login_transaction_expires_idx ON face_login_transaction (expires_at);

-- Every accepted callback's jti, kept until well after the token expired: a replay is refused.
CREATE TABLE accepted_callback (
    jti text PRIMARY KEY,
    transaction_id text NOT NULL,
    accepted_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
