package io.waybill.order.api;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An ERP order was released for fulfilment. {@code contentHash} fingerprints the release so a repeat
 * can be distinguished from a change. {@code orderTotal} is the sum of quantity times unit price over all
 * lines, so finance projections need not recompute it.
 * <p>
 * Revision history: revision 1 had no {@code orderTotal}; {@code OrderReleasedUpcaster} computes it
 * from the stored lines when a revision 1 event is read.
 */
@Revision("2")
public record OrderReleased(OrderId orderId, TenantId tenantId, String erpOrderNumber, String customerReference,
                            Address shipTo, List<OrderLine> lines, Currency currency, Money orderTotal,
                            PromisedDelivery promisedDelivery, ServiceLevel serviceLevel, BigDecimal parcelWeightKg,
                            String contentHash, Instant occurredAt) implements OrderEvent {

    /** Creates the event with {@code orderTotal} computed from the lines. */
    public OrderReleased(OrderId orderId, TenantId tenantId, String erpOrderNumber, String customerReference,
                         Address shipTo, List<OrderLine> lines, Currency currency, PromisedDelivery promisedDelivery,
                         ServiceLevel serviceLevel, BigDecimal parcelWeightKg, String contentHash,
                         Instant occurredAt) {
        this(orderId, tenantId, erpOrderNumber, customerReference, shipTo, lines, currency, total(lines, currency),
                promisedDelivery, serviceLevel, parcelWeightKg, contentHash, occurredAt);
    }

    /** Sums quantity times unit price over the lines; zero in {@code currency} when there are none. */
    public static Money total(List<OrderLine> lines, Currency currency) {
        Money total = Money.zero(currency);
        for (OrderLine line : lines) {
            total = total.plus(line.total());
        }
        return total;
    }
}
