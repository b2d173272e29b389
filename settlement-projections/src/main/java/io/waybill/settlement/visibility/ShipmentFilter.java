package io.waybill.settlement.visibility;

import java.time.Instant;

/** Optional filters of the shipment list; a null field does not filter. {@code carrier} ignores case. */
public record ShipmentFilter(String status, String carrier, Instant updatedSince) {
}
