package io.waybill.shipment.api;

/**
 * Canonical milestone vocabulary. It follows the public status models of AfterShip, EasyPost and
 * Karrio so that each partner's mapping table stays small. {@link #UNKNOWN} keeps a partner code
 * that has no mapping yet; it is recorded but changes no status.
 */
public enum MilestoneCode {
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELAYED,
    DELIVERY_ATTEMPT_FAILED,
    AVAILABLE_FOR_PICKUP,
    RETURN_INITIATED,
    RETURNED_TO_SENDER,
    CANCELLED,
    EXCEPTION,
    UNKNOWN
}
