package io.waybill.shipment.api.platform;

/** What Waybill asked a delivery platform to do. */
public enum PlatformOperation {
    CREATE_SHIPMENT,
    REDELIVERY,
    RETURN,
    CANCEL
}
