package io.waybill.adapters;

import io.waybill.shipment.api.ChargeLine;
import java.time.Instant;
import java.util.List;

/**
 * The charges a label purchase states for the shipment, before any invoice: the expected charges.
 *
 * @param quoteReference the partner's id for the rate or shipment that was bought
 * @param quotedAt       when the partner priced it, or {@code null} when the response gives no time
 * @param lines          charge lines with the partner's fee names kept as raw codes
 */
public record PartnerQuote(String partner, String carrier, String trackingNumber, List<String> partnerReferences,
                           String quoteReference, Instant quotedAt, List<ChargeLine> lines, String position) {

    public PartnerQuote {
        partnerReferences = partnerReferences == null ? List.of() : List.copyOf(partnerReferences);
        lines = List.copyOf(lines);
    }
}
