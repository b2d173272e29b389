package io.waybill.order.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the customer was promised: the latest calendar day of delivery in the tenant's time zone,
 * and optionally an exact window in UTC.
 */
public record PromisedDelivery(LocalDate latestDate, Instant windowStart, Instant windowEnd) {
}
