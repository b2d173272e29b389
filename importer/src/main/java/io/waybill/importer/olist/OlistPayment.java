package io.waybill.importer.olist;

import java.math.BigDecimal;

/** One row of the payments file: one payment of an order, numbered by {@code sequential} within it. */
public record OlistPayment(SourceLine source, String orderId, int sequential, String type, int installments,
                           BigDecimal value) {
}
