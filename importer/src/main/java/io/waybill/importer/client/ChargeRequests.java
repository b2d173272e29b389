package io.waybill.importer.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bodies of the expected carrier charge API. */
public final class ChargeRequests {

    private ChargeRequests() {
    }

    public record ChargeLine(String type, BigDecimal amount, String currency) {
    }

    /** Expected cost of a shipment; {@code quoteReference} makes the request idempotent. */
    public record ExpectedCharges(String quoteReference, List<ChargeLine> lines, Instant occurredAt) {
    }
}
