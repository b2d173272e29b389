package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import io.waybill.kernel.WorldEvent;

/** Every event the Order aggregate records. */
public sealed interface OrderEvent extends WorldEvent permits OrderReleased, OrderPlacedOnHold, OrderHoldReleased,
        OrderCancelled, OrderHandedToCarrier, OrderMarkedReturnPending, OrderReturnCancelled, OrderRestocked,
        CustomerCreditIssued, CustomerCreditReversed, PaymentRecorded {

    OrderId orderId();

    @Override
    TenantId tenantId();
}
