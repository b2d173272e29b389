-- Postings for the ERP. erp_posting and erp_posting_order are a read model that a rebuild empties
-- and refills; posting ids are derived from event ids, so a rebuilt posting keeps its id.
-- event_position is the event's global index in the event store: the pull feed's cursor and the
-- delivery order.

CREATE TABLE erp_posting_order (
    order_id         UUID         NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(64)  NOT NULL,
    erp_order_number VARCHAR(200) NOT NULL
);

CREATE TABLE erp_posting (
    posting_id        UUID           NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(64)    NOT NULL,
    order_id          UUID           NOT NULL,
    erp_order_number  VARCHAR(200),
    shipment_id       UUID,
    posting_type      VARCHAR(40)    NOT NULL,
    event_id          VARCHAR(255)   NOT NULL,
    event_position    BIGINT         NOT NULL,
    position_in_event INTEGER        NOT NULL,
    amount            NUMERIC(19, 4),
    currency          CHAR(3),
    occurred_at       TIMESTAMPTZ    NOT NULL,
    recorded_at       TIMESTAMPTZ    NOT NULL,
    document          JSONB          NOT NULL,
    UNIQUE (event_position, position_in_event)
);
CREATE INDEX erp_posting_feed ON erp_posting (tenant_id, event_position, position_in_event);
CREATE INDEX erp_posting_order_sequence ON erp_posting (order_id, event_position, position_in_event);

-- Delivery state, written by the dispatcher and by acknowledgements from the pull feed. It is not
-- part of the read model: a rebuild leaves it alone, so a delivered posting is never sent again.
-- No row means PENDING.
CREATE TABLE erp_posting_delivery (
    posting_id           UUID         NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(64)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    consecutive_failures INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ,
    last_attempt_at      TIMESTAMPTZ,
    last_http_status     INTEGER,
    last_error           VARCHAR(500),
    delivered_at         TIMESTAMPTZ,
    channel              VARCHAR(8),
    erp_document_number  VARCHAR(200),
    updated_at           TIMESTAMPTZ  NOT NULL,
    CONSTRAINT erp_posting_delivery_state CHECK (state IN ('PENDING', 'DEFERRED', 'POSTED', 'FAILED'))
);
CREATE INDEX erp_posting_delivery_failed ON erp_posting_delivery (tenant_id, state);
