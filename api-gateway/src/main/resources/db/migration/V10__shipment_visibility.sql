-- Shipment visibility read model, rebuilt from the event store by the shipment-visibility
-- processor. Times come from the events (occurred_at: in the world; updated_at: when the ledger
-- stored the last applied event), never from the wall clock, so a rebuild yields identical rows.

CREATE TABLE shipment_visibility (
    shipment_id                UUID         NOT NULL PRIMARY KEY,
    tenant_id                  VARCHAR(64)  NOT NULL,
    order_id                   UUID         NOT NULL,
    shipment_number            VARCHAR(200) NOT NULL,
    status                     VARCHAR(32)  NOT NULL,
    status_since               TIMESTAMPTZ  NOT NULL,
    eta                        TIMESTAMPTZ,
    last_milestone_code        VARCHAR(32),
    last_milestone_raw_code    VARCHAR(200),
    last_milestone_at          TIMESTAMPTZ,
    last_milestone_description TEXT,
    failed_attempts            INTEGER      NOT NULL DEFAULT 0,
    exception_flag             BOOLEAN      NOT NULL DEFAULT FALSE,
    exception_reason           VARCHAR(200),
    conflict_flag              BOOLEAN      NOT NULL DEFAULT FALSE,
    conflict_reason            TEXT,
    milestone_count            INTEGER      NOT NULL DEFAULT 0,
    provider_id                VARCHAR(64),
    provider_shipment_id       VARCHAR(200),
    carrier                    VARCHAR(200),
    tracking_number            VARCHAR(200),
    created_at                 TIMESTAMPTZ  NOT NULL,
    updated_at                 TIMESTAMPTZ  NOT NULL,
    last_sequence              BIGINT       NOT NULL
);
CREATE INDEX shipment_visibility_order ON shipment_visibility (tenant_id, order_id);
CREATE INDEX shipment_visibility_tracking ON shipment_visibility (tenant_id, tracking_number);
CREATE INDEX shipment_visibility_updated ON shipment_visibility (tenant_id, updated_at, shipment_id);

-- One row per shipment event; the primary key is the event's place in the shipment's stream, so a
-- redelivered event finds its row and changes nothing.
CREATE TABLE shipment_timeline (
    shipment_id     UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    code            VARCHAR(32),
    raw_code        VARCHAR(200),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    source          VARCHAR(200),
    source_event_id VARCHAR(200),
    reason          VARCHAR(64),
    raw_reason      VARCHAR(200),
    description     TEXT,
    location        TEXT,
    late            BOOLEAN      NOT NULL DEFAULT FALSE,
    conflict        BOOLEAN      NOT NULL DEFAULT FALSE,
    status_after    VARCHAR(32),
    PRIMARY KEY (shipment_id, sequence_number)
);
