package io.waybill.settlement.visibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What customer service sees of one shipment. {@code updatedAt} is when the ledger stored the last
 * event applied to the shipment. {@code exception} stays true once an EXCEPTION milestone was
 * recorded; {@code conflict} once a milestone contradicted a terminal status. {@code timeline} is
 * present only on single-shipment queries.
 */
public record ShipmentView(UUID shipmentId, UUID orderId, String shipmentNumber, String status,
                           Instant statusSince, Instant eta, LastMilestone lastMilestone, int failedAttempts,
                           boolean exception, String exceptionReason, boolean conflict, String conflictReason,
                           int milestoneCount, String providerId, String providerShipmentId, String carrier,
                           String trackingNumber, Instant createdAt, Instant updatedAt,
                           List<TimelineEntry> timeline) {

    /** The milestone that happened last in the world; a late arrival does not replace it. */
    public record LastMilestone(String code, String rawCode, Instant occurredAt, String description) {
    }

    ShipmentView withTimeline(List<TimelineEntry> entries) {
        return new ShipmentView(shipmentId, orderId, shipmentNumber, status, statusSince, eta, lastMilestone,
                failedAttempts, exception, exceptionReason, conflict, conflictReason, milestoneCount, providerId,
                providerShipmentId, carrier, trackingNumber, createdAt, updatedAt, entries);
    }
}
