package io.waybill.importer.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bodies of the expected carrier charge API. */
public final class ChargeRequests {

    private ChargeRequests() {
    }

    /** One charge line; {@code rawCode} keeps the source's own name for the charge. */
    public record ChargeLine(String type, String rawCode, String description, BigDecimal amount) {
    }

    /** Expected cost of a shipment in one currency; {@code quoteReference} makes the request idempotent. */
    public record ExpectedCharges(String quoteReference, String currency, List<ChargeLine> lines,
                                  Instant occurredAt) {
    }
}
