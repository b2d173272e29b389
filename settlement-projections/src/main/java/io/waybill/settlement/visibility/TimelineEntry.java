package io.waybill.settlement.visibility;

import java.time.Instant;

/**
 * One event in a shipment's timeline, ordered by when it happened. {@code kind} is CREATED, TENDERED
 * or MILESTONE; {@code late} and {@code conflict} repeat what the ledger decided when it arrived.
 */
public record TimelineEntry(long sequenceNumber, String kind, String code, String rawCode, Instant occurredAt,
                            Instant recordedAt, String source, String sourceEventId, String reason,
                            String rawReason, String description, String location, boolean late,
                            boolean conflict, String statusAfter) {
}
