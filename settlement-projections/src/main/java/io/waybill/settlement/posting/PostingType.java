package io.waybill.settlement.posting;

/**
 * Kinds of ERP posting. Status changes, proofs of delivery and tendering come from shipment
 * milestones; the money kinds are the financial facts marked for the ERP, named as in the journal.
 */
public final class PostingType {

    public static final String SHIPMENT_TENDERED = "SHIPMENT_TENDERED";
    public static final String STATUS_CHANGE = "STATUS_CHANGE";
    public static final String PROOF_OF_DELIVERY = "PROOF_OF_DELIVERY";

    private PostingType() {
    }
}
