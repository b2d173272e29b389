package io.waybill.shipment.api;

/**
 * Why a delivery failed, was delayed or raised an exception. The set is open: a partner code with
 * no mapping becomes {@link #UNKNOWN} and the raw code is kept beside it.
 */
public enum ReasonCode {
    RECIPIENT_NOT_AVAILABLE,
    ADDRESS_INCORRECT,
    ADDRESS_INCOMPLETE,
    REFUSED_BY_RECIPIENT,
    ACCESS_RESTRICTED,
    BUSINESS_CLOSED,
    PAYMENT_REQUIRED,
    WEATHER,
    CUSTOMS_HOLD,
    MISSED_CONNECTION,
    CAPACITY,
    DAMAGED,
    LOST,
    RESCHEDULED_BY_RECIPIENT,
    UNKNOWN
}
