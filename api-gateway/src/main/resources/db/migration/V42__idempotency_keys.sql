-- First responses to writes sent with an Idempotency-Key header. A key is scoped to the tenant and
-- client that sent it. request_sha256 fingerprints method, path and body, so the same key with
-- another request is detected. A row is IN_PROGRESS while the first request runs and COMPLETED
-- once its response is stored; rows are purged after expires_at.
CREATE TABLE idempotency_record (
    scope           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_sha256  BYTEA        NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    status_code     INTEGER,
    content_type    VARCHAR(200),
    location        VARCHAR(2000),
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);
