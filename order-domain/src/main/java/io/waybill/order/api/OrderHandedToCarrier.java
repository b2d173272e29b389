package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A carrier took a shipment of this order. {@code afterCancellation} is true when the order had already been cancelled, which needs a person to look at it. */
@Revision("1")
public record OrderHandedToCarrier(OrderId orderId, TenantId tenantId, String shipmentId, Instant occurredAt, boolean afterCancellation) implements OrderEvent {
}
