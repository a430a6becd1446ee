-- The bridge's token signing keys (package cn.gov.jieyang.talent.authbridge.keys), shared by every
-- bridge instance. Life of a key: next -> active -> previous -> retired.
--   next      published in /jwks before it signs anything, so relying parties have it cached by
--             the time it becomes active;
--   active    signs new tokens;
--   previous  no longer signs, still published so tokens it signed keep verifying;
--   retired   kept for audit (kid and public key only: its private key is erased).
-- The kid is the key's RFC 7638 thumbprint. The private key is PKCS#8, encrypted with AES-256-GCM
-- under bridge.keys.encryption-key with the kid as associated data: stored as
-- version byte (1) || 12-byte IV || ciphertext || 16-byte tag.
CREATE TABLE signing_key (
    kid                   text        PRIMARY KEY,
    status                text        NOT NULL CHECK (status IN ('next', 'active', 'previous', 'retired')),
    public_jwk            text        NOT NULL,
    private_key_encrypted bytea       NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    activated_at          timestamptz NULL,
    retired_at            timestamptz NULL,
    -- A key that can still sign or be selected has its private part; a retired one must not.
    CONSTRAINT signing_key_private_part CHECK ((status = 'retired') = (private_key_encrypted IS NULL)),
    CONSTRAINT signing_key_activated CHECK (status = 'next' OR activated_at IS NOT NULL),
    CONSTRAINT signing_key_retired CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);

-- At most one 'next', one 'active' and one 'previous' key, whatever instances race.
CREATE UNIQUE INDEX signing_key_one_per_status ON signing_key (status) WHERE status <> 'retired';
