package io.waybill.order.api;

/** Life-cycle state of an order as the Order aggregate sees it. */
public enum OrderStatus {
    RELEASED,
    ON_HOLD,
    CANCELLED
}
