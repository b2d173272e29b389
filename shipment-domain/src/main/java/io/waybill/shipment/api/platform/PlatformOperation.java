package io.waybill.shipment.api.platform;

/** Kind of request Waybill sends to a delivery platform. */
public enum PlatformOperation {
    CREATE_SHIPMENT,
    REDELIVERY,
    RETURN,
    CANCEL
}
