package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The order was put on hold; fulfilment waits until the hold is released. */
@Revision("1")
public record OrderPlacedOnHold(OrderId orderId, TenantId tenantId, String reason, Instant occurredAt) implements OrderEvent {
}
