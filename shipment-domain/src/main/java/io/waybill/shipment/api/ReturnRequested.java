package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The delivery platform is to be asked to return the shipment to the sender. */
@Revision("1")
public record ReturnRequested(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, PartnerId platformId, String providerShipmentId, String trackingNumber, String reason,
        Instant occurredAt) implements ShipmentEvent {
}
