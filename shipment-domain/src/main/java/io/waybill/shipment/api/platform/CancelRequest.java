package io.waybill.shipment.api.platform;

import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.ShipmentId;

/**
 * Asks a platform to cancel what an earlier request created: a shipment or a return.
 * {@code platformReference} is null when the earlier request never got a response.
 */
public record CancelRequest(String requestId, TenantId tenantId, ShipmentId shipmentId, String cancelledRequestId,
                            PlatformOperation cancelledOperation, String platformReference, String reason) {
}
