-- API keys for partners and systems. Only the SHA-256 digest of the secret is stored; the key
-- text is shown once when the key is created or rotated. Rows are never deleted, so the audit
-- metadata 'api-key:<key_id>' of every event can still be resolved to a name and tenant.
CREATE TABLE api_key (
    key_id        VARCHAR(16)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    tenant_id     VARCHAR(64),
    partner_id    VARCHAR(64),
    roles         VARCHAR(200) NOT NULL,
    secret_sha256 BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(200) NOT NULL,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoked_by    VARCHAR(200),
    rotated_from  VARCHAR(16) REFERENCES api_key (key_id) ON DELETE SET NULL,
    CHECK (length(secret_sha256) = 32),
    CHECK ((partner_id IS NULL) = (roles <> 'partner'))
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);
