package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Request {@code requestId} did not succeed at the delivery platform. {@code code} is the platform's own rejection code when it sent one. */
@Revision("1")
public record PlatformRequestRejected(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, PartnerId platformId, PlatformOperation operation, PlatformFailure failure, String code, String reason,
        Instant occurredAt) implements ShipmentEvent {
}
