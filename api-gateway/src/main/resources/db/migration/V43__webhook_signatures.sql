-- Webhook signatures already accepted. A signature seen again before expires_at (its timestamp plus
-- the allowed clock difference) is a replay. After expires_at the timestamp check rejects it
-- anyway, so expired rows are purged.
CREATE TABLE webhook_signature (
    signature  VARCHAR(64) NOT NULL PRIMARY KEY,
    key_id     VARCHAR(16) NOT NULL,
    seen_at    TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_signature_expiry ON webhook_signature (expires_at);
