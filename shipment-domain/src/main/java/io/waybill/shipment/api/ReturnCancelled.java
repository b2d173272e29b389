package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The return requested by {@code returnRequestId} was withdrawn, and the delivery platform is to be notified under {@code requestId}. */
@Revision("1")
public record ReturnCancelled(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, String returnRequestId, PartnerId platformId, String providerShipmentId, String reason,
        Instant occurredAt) implements ShipmentEvent {
}
