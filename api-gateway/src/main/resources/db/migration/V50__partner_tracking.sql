-- The shipment each carrier tracking number belongs to, written in the same transaction as the
-- ShipmentTendered event. Partner APIs match incoming status by tenant, normalised carrier and
-- tracking number, and use provider_shipment_id to tell apart shipments that share a reused
-- tracking number.
CREATE TABLE partner_tracking (
    shipment_id          UUID         NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(64)  NOT NULL,
    carrier_key          VARCHAR(64)  NOT NULL,
    tracking_number      VARCHAR(200) NOT NULL,
    carrier              VARCHAR(200) NOT NULL,
    provider_id          VARCHAR(64)  NOT NULL,
    provider_shipment_id VARCHAR(200) NOT NULL,
    order_id             UUID         NOT NULL,
    tendered_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX partner_tracking_lookup ON partner_tracking (tenant_id, carrier_key, tracking_number);
