package io.waybill.settlement.reconciliation;

/**
 * Reconciliation category of an order, listed in order of precedence when several apply: what the customer owes
 * comes first, then what the carrier billed, then what the ERP has not confirmed.
 */
public enum MismatchCategory {
    /** Paid less than expected (items plus expected freight). */
    UNDERPAID,
    /** Paid more than expected. */
    OVERPAID,
    /** Carrier invoices exceed the expected freight of the invoiced shipments. */
    CARRIER_OVERCHARGE,
    /** A shipment was delivered or returned to sender and no carrier invoice arrived for it. */
    MISSING_INVOICE,
    /** The figures agree, but the ERP has not confirmed every posting of the order. */
    NOT_POSTED,
    /** Everything agrees and the ERP confirmed every posting. */
    MATCHED
}
