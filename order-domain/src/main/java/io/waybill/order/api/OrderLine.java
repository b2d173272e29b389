package io.waybill.order.api;

import io.waybill.kernel.Money;

/** One ERP order line: a SKU, a positive whole quantity and its exact unit price. */
public record OrderLine(int lineNumber, String sku, int quantity, Money unitPrice) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
