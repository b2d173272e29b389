package io.waybill.order.api;

import io.waybill.kernel.TenantId;

/** Every event the Order aggregate records. */
public sealed interface OrderEvent permits OrderReleased, OrderPlacedOnHold, OrderHoldReleased,
        OrderCancelled, OrderHandedToCarrier {

    OrderId orderId();

    TenantId tenantId();
}
