package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A carrier invoiced this shipment; one event per distinct invoice reference. */
@Revision("1")
public record CarrierInvoiceRecorded(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, PartnerId carrierId,
                                     String invoiceReference, List<ChargeLine> lines, Instant occurredAt)
        implements ShipmentEvent {
}
