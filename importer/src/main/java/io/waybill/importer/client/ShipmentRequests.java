package io.waybill.importer.client;

import java.time.Instant;

/** Bodies of the shipment process API. */
public final class ShipmentRequests {

    private ShipmentRequests() {
    }

    public record Tender(String providerId, String providerShipmentId, String trackingNumber, String carrier,
                         Instant occurredAt) {
    }

    /** A milestone; {@code sourceEventId} makes it idempotent and {@code rawCode} keeps the source's own name. */
    public record Milestone(String code, Instant occurredAt, String sourceEventId, String source, String rawCode,
                            String description) {
    }
}
