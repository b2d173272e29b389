package io.waybill.shipment.api;

/** Where a delivered parcel was left. */
public enum DeliveryPlace {
    RECIPIENT,
    NEIGHBOUR,
    LOCKER,
    FRONT_DOOR,
    MAILBOX,
    RECEPTION,
    PICKUP_POINT,
    OTHER
}
