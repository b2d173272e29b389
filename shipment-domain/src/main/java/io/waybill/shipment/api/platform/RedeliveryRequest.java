package io.waybill.shipment.api.platform;

import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.ShipmentId;

/** Asks a platform for another delivery attempt of a shipment it holds, after {@code failedAttempts} failed ones. */
public record RedeliveryRequest(String requestId, TenantId tenantId, ShipmentId shipmentId, String platformReference,
                                String trackingNumber, int failedAttempts) {
}
