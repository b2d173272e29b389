package io.waybill.importer.olist;

import java.math.BigDecimal;

/** One row of the order items file: one unit of a product, its price and its share of the freight, in BRL. */
public record OlistItem(SourceLine source, String orderId, int itemNumber, String productId, String sellerId,
                        BigDecimal price, BigDecimal freight) {
}
