package io.waybill.settlement.posting;

/**
 * Delivery state of a posting. PENDING: not yet tried. DEFERRED: held until a later time
 * (back-off after a failure, a maintenance window, or the ERP's Retry-After). POSTED: the ERP
 * accepted it. FAILED: dead letter after too many failures or a rejection; retried only by an operator.
 */
public enum DeliveryState {
    PENDING,
    DEFERRED,
    POSTED,
    FAILED
}
