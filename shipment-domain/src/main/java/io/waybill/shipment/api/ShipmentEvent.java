package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;

/** Every event the Shipment aggregate records. */
public sealed interface ShipmentEvent permits ShipmentCreated, ShipmentTendered, MilestoneRecorded {

    ShipmentId shipmentId();

    TenantId tenantId();

    OrderId orderId();
}
