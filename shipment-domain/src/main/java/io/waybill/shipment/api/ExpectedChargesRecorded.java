package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The expected cost of the shipment, from the rate quoted when it was booked. A later quote
 * with another reference replaces the earlier expectation.
 */
@Revision("1")
public record ExpectedChargesRecorded(ShipmentId shipmentId, TenantId tenantId, OrderId orderId,
                                      String quoteReference, List<ChargeLine> lines, Instant occurredAt)
        implements ShipmentEvent {
}
