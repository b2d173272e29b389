-- The delivery platform a shipment was tendered to. Partner callers see and change only shipments
-- whose provider_id is their partner id; the command directory sets it in the same transaction as
-- ShipmentTendered.
ALTER TABLE shipment_directory ADD COLUMN provider_id VARCHAR(64);

-- Shipments tendered before this column existed: take the provider from the stored event. The
-- payload is the Jackson JSON of ShipmentTendered, where PartnerId is written as a plain string.
UPDATE shipment_directory d
SET provider_id = e.provider_id
FROM (SELECT aggregateidentifier,
             convert_from(payload, 'UTF8')::jsonb ->> 'providerId' AS provider_id
      FROM domainevententry
      WHERE payloadtype = 'io.waybill.shipment.api.ShipmentTendered') e
WHERE d.shipment_id::text = e.aggregateidentifier;

CREATE INDEX shipment_directory_provider ON shipment_directory (tenant_id, provider_id);
