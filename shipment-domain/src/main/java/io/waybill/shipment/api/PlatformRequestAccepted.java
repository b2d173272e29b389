package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.platform.PlatformOperation;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A delivery platform accepted request {@code requestId}. {@code platformReference} is the platform's id for what it created; tracking number and carrier are set when the platform assigned them. */
@Revision("1")
public record PlatformRequestAccepted(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, PartnerId platformId, PlatformOperation operation, String platformReference, String trackingNumber, String carrier,
        Instant occurredAt) implements ShipmentEvent {
}
