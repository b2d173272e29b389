-- Delivery KPI facts per order and shipment. Rates, percentiles and calendar days are computed
-- when queried, in the time zone configured for the tenant.

CREATE TABLE kpi_order (
    order_id      UUID        NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64) NOT NULL,
    released_at   TIMESTAMPTZ NOT NULL,
    promised_date DATE        NOT NULL,
    region        VARCHAR(80) NOT NULL
);

CREATE TABLE kpi_shipment (
    shipment_id     UUID        NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(64) NOT NULL,
    order_id        UUID        NOT NULL,
    carrier         VARCHAR(200),
    created_at      TIMESTAMPTZ NOT NULL,
    status          VARCHAR(32) NOT NULL,
    delivered_at    TIMESTAMPTZ,
    failed_attempts INTEGER     NOT NULL DEFAULT 0,
    had_exception   BOOLEAN     NOT NULL DEFAULT FALSE,
    last_sequence   BIGINT      NOT NULL
);
CREATE INDEX kpi_shipment_tenant ON kpi_shipment (tenant_id, created_at);
