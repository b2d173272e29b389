package io.waybill.shipment.api;

/** Cause for which customer service is asked to look at a shipment. */
public enum CustomerServiceCaseType {
    /** Delivery failed for good and the shipment is being returned; tell the customer. */
    RETURN_INITIATED,
    /** The delivery platform rejected or never confirmed the return; the parcel needs a person. */
    RETURN_REJECTED,
    /** The shipment was reported delivered after its goods had already been restocked. */
    DELIVERED_AFTER_RESTOCK
}
