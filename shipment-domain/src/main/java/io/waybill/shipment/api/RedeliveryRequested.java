package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The delivery platform is to be asked for another delivery attempt after {@code failedAttempts} failed ones. */
@Revision("1")
public record RedeliveryRequested(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, PartnerId platformId, String providerShipmentId, String trackingNumber, int failedAttempts,
        Instant occurredAt) implements ShipmentEvent {
}
