package io.waybill.order;

import io.waybill.kernel.Money;
import io.waybill.order.api.OrderLine;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How much of an order may still be credited to the customer. */
final class CreditRules {

    private CreditRules() {
    }

    /**
     * Returns the order total minus every credit that is issued and not reversed.
     *
     * NOTE: a shipment does not record which lines it carries, so a return credits whatever order
     * value is left, and a second returned shipment of the same order gets nothing.
     */
    static Money uncredited(Currency currency, List<OrderLine> lines, Map<String, Money> issuedCredits,
                            Set<String> reversedCredits) {
        Money remaining = Money.zero(currency);
        for (OrderLine line : lines) {
            remaining = remaining.plus(line.total());
        }
        for (Map.Entry<String, Money> credit : issuedCredits.entrySet()) {
            if (!reversedCredits.contains(credit.getKey())) {
                remaining = remaining.minus(credit.getValue());
            }
        }
        return remaining;
    }
}
