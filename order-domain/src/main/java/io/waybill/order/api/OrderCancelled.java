package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The order was cancelled before any shipment reached a carrier. */
@Revision("1")
public record OrderCancelled(OrderId orderId, TenantId tenantId, String reason, Instant occurredAt) implements OrderEvent {
}
