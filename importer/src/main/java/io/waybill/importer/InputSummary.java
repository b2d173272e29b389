package io.waybill.importer;

import io.waybill.importer.mapping.OrderPlan;
import io.waybill.importer.olist.OlistDataset;
import io.waybill.importer.olist.OlistItem;
import io.waybill.importer.olist.OlistOrder;
import io.waybill.importer.olist.OlistPayment;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts taken from the input before anything is sent: orders by Olist status and the oddities of
 * real data that the ledger has to keep as given.
 */
record InputSummary(Map<String, Long> olistStatuses, long withoutItemRows, long deliveredBeforeHandover,
                    long handoverBeforeApproval, long deliveredWithoutDeliveryTime, long cancelledAfterHandover,
                    long paymentsDifferFromItemsAndFreight, long paidFreightNeverShipped) {

    static InputSummary of(List<OrderPlan> plans, OlistDataset dataset) {
        Map<String, Long> statuses = new TreeMap<>();
        long withoutItems = 0;
        long deliveredBeforeHandover = 0;
        long handoverBeforeApproval = 0;
        long deliveredWithoutTime = 0;
        long cancelledAfterHandover = 0;
        long paymentsDiffer = 0;
        long paidFreightNeverShipped = 0;
        for (OrderPlan plan : plans) {
            OlistOrder order = plan.order();
            statuses.merge(order.status(), 1L, Long::sum);
            withoutItems += plan.itemSources().isEmpty() ? 1 : 0;
            if (order.deliveredAt() != null && order.handedToCarrierAt() != null
                    && order.deliveredAt().isBefore(order.handedToCarrierAt())) {
                deliveredBeforeHandover++;
            }
            if (order.handedToCarrierAt() != null && order.approvedAt() != null
                    && order.handedToCarrierAt().isBefore(order.approvedAt())) {
                handoverBeforeApproval++;
            }
            if ("delivered".equals(order.status()) && order.deliveredAt() == null) {
                deliveredWithoutTime++;
            }
            cancelledAfterHandover += plan.cancelAfterHandover() ? 1 : 0;

            List<OlistItem> items = dataset.items(order.orderId());
            BigDecimal freight = items.stream().map(OlistItem::freight).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = items.stream().map(OlistItem::price).reduce(freight, BigDecimal::add);
            BigDecimal paid = dataset.payments(order.orderId()).stream().map(OlistPayment::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (paid.compareTo(expected) != 0) {
                paymentsDiffer++;
            } else if (plan.shipment() == null && freight.signum() > 0) {
                paidFreightNeverShipped++;
            }
        }
        return new InputSummary(statuses, withoutItems, deliveredBeforeHandover, handoverBeforeApproval,
                deliveredWithoutTime, cancelledAfterHandover, paymentsDiffer, paidFreightNeverShipped);
    }

    void print(PrintStream out) {
        out.println("Input: orders by Olist status " + olistStatuses);
        out.printf(Locale.ROOT, "  %,d orders without item rows (released with one zero-priced line),"
                        + " %,d delivered before the carrier hand-over, %,d handed over before approval,%n"
                        + "  %,d delivered without a delivery time, %,d cancelled after the carrier hand-over%n",
                withoutItemRows, deliveredBeforeHandover, handoverBeforeApproval, deliveredWithoutDeliveryTime,
                cancelledAfterHandover);
        out.printf(Locale.ROOT, "  %,d orders whose payments differ from items plus freight in the files; %,d more"
                        + " paid exactly items plus freight but never shipped, so no freight charge stands against"
                        + " their freight%n", paymentsDifferFromItemsAndFreight, paidFreightNeverShipped);
    }
}
