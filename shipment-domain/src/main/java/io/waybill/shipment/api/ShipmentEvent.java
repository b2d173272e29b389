package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.kernel.WorldEvent;
import io.waybill.order.api.OrderId;

/** Every event the Shipment aggregate records. */
public sealed interface ShipmentEvent extends WorldEvent permits ShipmentCreated, ShipmentTendered, MilestoneRecorded,
        ExpectedChargesRecorded, CarrierInvoiceRecorded, PlatformShipmentRequested, RedeliveryRequested, ReturnRequested,
        ReturnCancelled, PlatformCancellationRequested, PlatformRequestAccepted, PlatformRequestRejected,
        CustomerServiceCaseOpened {

    ShipmentId shipmentId();

    @Override
    TenantId tenantId();

    OrderId orderId();
}
