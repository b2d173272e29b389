package io.waybill.settlement.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reconciliation of one order, all amounts in the order currency. {@code expected} is the item
 * total plus the expected freight of the order's shipments. {@code customerDifference} is paid minus
 * expected; {@code carrierDifference} is charged minus the expected freight of the invoiced
 * shipments. {@code mismatchSince} is when the primary mismatch began (release for payment
 * mismatches, the first invoice for an overcharge, delivery for a missing invoice, the oldest
 * unconfirmed posting for NOT_POSTED), and {@code ageDays} the whole days from then to the query time.
 */
public record OrderReconciliation(UUID orderId, String erpOrderNumber, String currency, BigDecimal itemsAmount,
                                  BigDecimal expectedFreight, BigDecimal expected, BigDecimal paid, int payments,
                                  BigDecimal carrierExpected, BigDecimal carrierCharged,
                                  BigDecimal customerDifference, BigDecimal carrierDifference,
                                  BigDecimal postedPayments, int postings, int postingsConfirmed,
                                  int shipmentsMissingInvoice, MismatchCategory category,
                                  List<MismatchCategory> categories, Instant mismatchSince, Long ageDays,
                                  Instant releasedAt) {
}
