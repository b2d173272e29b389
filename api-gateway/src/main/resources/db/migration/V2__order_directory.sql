-- Orders known to the command side, kept in the same transaction as the events that change them.
-- Process APIs use it to answer 404 for an unknown or foreign order before sending a command.
CREATE TABLE order_directory (
    order_id         UUID         NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(64)  NOT NULL,
    erp_order_number VARCHAR(200) NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    released_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, erp_order_number)
);

CREATE TABLE shipment_directory (
    shipment_id UUID        NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64) NOT NULL,
    order_id    UUID        NOT NULL REFERENCES order_directory (order_id)
);
CREATE INDEX shipment_directory_order ON shipment_directory (order_id);
