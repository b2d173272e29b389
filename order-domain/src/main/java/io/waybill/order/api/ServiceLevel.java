package io.waybill.order.api;

/** Delivery speed the customer paid for; routing policies choose a delivery platform from it. */
public enum ServiceLevel {
    SAME_DAY,
    NEXT_DAY,
    EXPRESS,
    STANDARD,
    ECONOMY
}
