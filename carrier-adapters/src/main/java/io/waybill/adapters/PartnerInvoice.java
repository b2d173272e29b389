package io.waybill.adapters;

import io.waybill.shipment.api.ChargeLine;
import java.time.Instant;
import java.util.List;

/**
 * The charges a carrier invoice puts on one shipment. One invoice document may yield several of
 * these, one per tracking number it lists.
 *
 * @param invoiceReference the carrier's invoice number
 * @param invoicedAt       the invoice date at 00:00 UTC, because freight invoices carry a date without a zone
 * @param lines            charge lines with the carrier's own charge codes kept
 * @param position         where the shipment's charges sit in the document
 * @param unknownChargeCodes the carrier's charge codes that are missing from the mapping table
 */
public record PartnerInvoice(String partner, String carrier, String trackingNumber, List<String> partnerReferences,
                             String invoiceReference, Instant invoicedAt, List<ChargeLine> lines, String position,
                             List<String> unknownChargeCodes) {

    public PartnerInvoice {
        partnerReferences = partnerReferences == null ? List.of() : List.copyOf(partnerReferences);
        lines = List.copyOf(lines);
        unknownChargeCodes = unknownChargeCodes == null ? List.of() : List.copyOf(unknownChargeCodes);
    }
}
