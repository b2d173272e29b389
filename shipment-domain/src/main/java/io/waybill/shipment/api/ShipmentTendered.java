package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A delivery platform accepted the shipment and assigned its identifiers and tracking number. */
@Revision("1")
public record ShipmentTendered(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, PartnerId providerId,
                               String providerShipmentId, String trackingNumber, String carrier,
                               Instant occurredAt) implements ShipmentEvent {
}
