package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A delivery platform is to be asked to create this shipment. {@code requestId} identifies the request at the platform, so the platform can recognise a repeat too. */
@Revision("1")
public record PlatformShipmentRequested(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, PartnerId platformId,
        Instant occurredAt) implements ShipmentEvent {
}
