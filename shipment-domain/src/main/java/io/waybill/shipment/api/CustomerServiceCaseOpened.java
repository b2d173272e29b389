package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Customer service was asked to look at the shipment. {@code caseId} is derived from the shipment and the cause, so one cause opens one case. */
@Revision("1")
public record CustomerServiceCaseOpened(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String caseId, CustomerServiceCaseType caseType, String reason,
        Instant occurredAt) implements ShipmentEvent {
}
