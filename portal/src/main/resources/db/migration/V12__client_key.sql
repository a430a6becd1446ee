-- The portal's key for authenticating to the auth-bridge (private_key_jwt, RFC 7523, ES256): one key
-- that every portal instance shares, made by whichever instance starts first (insert ... on conflict do
-- nothing, then read). The private key is kept only sealed (data-protection, the ID-number key ring,
-- purpose portal.client-key); the bridge reads the public key from GET /oauth2/jwks. kid is the RFC 7638
-- thumbprint, in the clear so an operator can match the row with the published key.
create table client_key (
    name        varchar(32)  primary key,
    kid         varchar(64)  not null,
    sealed_jwk  text         not null,
    created_at  timestamptz  not null default now()
);
