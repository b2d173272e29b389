package io.waybill.shipment.api.platform;

import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.ShipmentId;

/** Asks a platform to send a shipment it holds back to the sender. */
public record ReturnRequest(String requestId, TenantId tenantId, ShipmentId shipmentId, String platformReference,
                            String trackingNumber, String reason) {
}
