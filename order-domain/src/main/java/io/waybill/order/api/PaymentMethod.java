package io.waybill.order.api;

/** How a customer paid. {@code OTHER} covers methods without their own entry; the raw name stays in the ERP. */
public enum PaymentMethod {
    CARD,
    BANK_TRANSFER,
    INSTANT_PAYMENT,
    BANK_SLIP,
    WALLET,
    CASH_ON_DELIVERY,
    OTHER
}
