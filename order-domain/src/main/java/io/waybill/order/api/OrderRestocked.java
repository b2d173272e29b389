package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The goods of a returned shipment are back in stock. {@code lines} are the order lines taken back. */
@Revision("1")
public record OrderRestocked(OrderId orderId, TenantId tenantId, String shipmentId, List<OrderLine> lines, Instant occurredAt)
        implements OrderEvent {
}
