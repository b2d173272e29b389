package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending return of one shipment was withdrawn, for example because the shipment was delivered after all. */
@Revision("1")
public record OrderReturnCancelled(OrderId orderId, TenantId tenantId, String shipmentId, String reason, Instant occurredAt)
        implements OrderEvent {
}
