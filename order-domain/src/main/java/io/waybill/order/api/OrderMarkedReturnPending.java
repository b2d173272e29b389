package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A shipment of the order is on its way back to the sender; the order waits for it. */
@Revision("1")
public record OrderMarkedReturnPending(OrderId orderId, TenantId tenantId, String shipmentId, String reason, Instant occurredAt)
        implements OrderEvent {
}
