package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.platform.PlatformOperation;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The delivery platform is to be asked to cancel what request {@code cancelledRequestId} may have created, for example after that request timed out. */
@Revision("1")
public record PlatformCancellationRequested(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, String requestId, String cancelledRequestId, PlatformOperation cancelledOperation, PartnerId platformId, String reason,
        Instant occurredAt) implements ShipmentEvent {
}
