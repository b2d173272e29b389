package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A shipment was opened for an order. */
@Revision("1")
public record ShipmentCreated(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String shipmentNumber,
                              Instant occurredAt) implements ShipmentEvent {
}
