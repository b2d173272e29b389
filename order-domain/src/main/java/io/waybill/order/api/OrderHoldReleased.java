package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A hold on the order was lifted. */
@Revision("1")
public record OrderHoldReleased(OrderId orderId, TenantId tenantId, String reason, Instant occurredAt) implements OrderEvent {
}
