package io.waybill.order.api;

/** Life-cycle state of an order as the Order aggregate sees it. */
public enum OrderStatus {
    RELEASED,
    ON_HOLD,
    CANCELLED,
    /** A shipment of the order is on its way back to the sender. */
    RETURN_PENDING,
    /** Every returned shipment is back in stock. */
    RETURNED
}
