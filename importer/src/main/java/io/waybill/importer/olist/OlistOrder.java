package io.waybill.importer.olist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the orders file. Times are converted from Brazil local time to UTC and kept as given,
 * even where they contradict each other; {@code null} means the cell was empty.
 */
public record OlistOrder(SourceLine source, String orderId, String customerId, String status, Instant purchasedAt,
                         Instant approvedAt, Instant handedToCarrierAt, Instant deliveredAt,
                         LocalDate estimatedDeliveryDate) {
}
