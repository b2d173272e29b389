-- Reconciliation read model: the facts per order and shipment. Categories, differences and ages
-- are computed when queried, because they depend on ERP delivery state and on the current time.

CREATE TABLE recon_order (
    order_id         UUID           NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(64)    NOT NULL,
    erp_order_number VARCHAR(200)   NOT NULL,
    currency         CHAR(3)        NOT NULL,
    items_amount     NUMERIC(19, 4) NOT NULL,
    released_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX recon_order_tenant ON recon_order (tenant_id, order_id);

CREATE TABLE recon_payment (
    order_id          UUID           NOT NULL,
    payment_reference VARCHAR(200)   NOT NULL,
    tenant_id         VARCHAR(64)    NOT NULL,
    method            VARCHAR(32)    NOT NULL,
    amount            NUMERIC(19, 4) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    installments      INTEGER        NOT NULL,
    occurred_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (order_id, payment_reference)
);

CREATE TABLE recon_shipment (
    shipment_id       UUID           NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(64)    NOT NULL,
    order_id          UUID           NOT NULL,
    carrier           VARCHAR(200),
    created_at        TIMESTAMPTZ    NOT NULL,
    status            VARCHAR(32)    NOT NULL,
    finished_at       TIMESTAMPTZ,
    quote_reference   VARCHAR(200),
    quote_sequence    BIGINT,
    expected_freight  NUMERIC(19, 4),
    expected_currency CHAR(3),
    last_sequence     BIGINT         NOT NULL
);
CREATE INDEX recon_shipment_order ON recon_shipment (order_id);
CREATE INDEX recon_shipment_tenant ON recon_shipment (tenant_id, created_at);

CREATE TABLE recon_invoice (
    shipment_id       UUID           NOT NULL,
    invoice_reference VARCHAR(200)   NOT NULL,
    tenant_id         VARCHAR(64)    NOT NULL,
    order_id          UUID           NOT NULL,
    carrier_id        VARCHAR(64)    NOT NULL,
    amount            NUMERIC(19, 4) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    occurred_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (shipment_id, invoice_reference)
);
CREATE INDEX recon_invoice_order ON recon_invoice (order_id);
