package io.waybill.settlement.posting;

/**
 * Kinds of ERP posting that come from shipment events. Money postings are named by the financial
 * fact they carry, as in the journal (for example {@code CUSTOMER_PAYMENT}).
 */
public final class PostingType {

    public static final String SHIPMENT_TENDERED = "SHIPMENT_TENDERED";
    public static final String STATUS_CHANGE = "STATUS_CHANGE";
    public static final String PROOF_OF_DELIVERY = "PROOF_OF_DELIVERY";

    private PostingType() {
    }
}
