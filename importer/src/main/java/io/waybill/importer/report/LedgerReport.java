package io.waybill.importer.report;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures read back from the service after an import. A figure is {@code null} when the
 * service offers no way to read it yet, and {@code pending} then lists those figures with the reason.
 *
 * @param readFrom                 where the figures came from, for example "audit histories of 10,000 orders"
 * @param ordersByStatus           orders by their current status: CANCELLED, ON_HOLD, RELEASED (no shipment
 *                                 yet), or the status of the order's shipment
 * @param deliveredOrders          orders whose shipment is DELIVERED
 * @param onTimeDeliveries         delivered orders delivered on or before the promised day
 * @param milestonesRecorded       milestones stored, flagged ones included
 * @param lateMilestones           milestones stored as late: they happened before the status they would replace
 * @param conflictingMilestones    milestones stored as conflicting: they contradict a terminal status
 * @param failedDeliveryAttempts   failed delivery attempts recorded
 * @param itemsTotal               sum of all order lines (unit price times quantity), in BRL
 * @param freightTotal             sum of the latest expected charges of all shipments, in BRL
 * @param paymentsTotal            sum of all customer payments, in BRL
 * @param paymentMismatches        orders whose payments differ from their items plus expected freight
 */
public record LedgerReport(String readFrom, Map<String, Long> ordersByStatus, long deliveredOrders,
                           long onTimeDeliveries, long milestonesRecorded, long lateMilestones,
                           long conflictingMilestones, long failedDeliveryAttempts, BigDecimal itemsTotal,
                           BigDecimal freightTotal, BigDecimal paymentsTotal, Long paymentMismatches,
                           List<String> pending) {

    public long orders() {
        return ordersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** On-time deliveries as a percentage of delivered orders, rounded to two decimals; zero with no deliveries. */
    public BigDecimal onTimePercent() {
        if (deliveredOrders == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(onTimeDeliveries * 100L)
                .divide(BigDecimal.valueOf(deliveredOrders), 2, RoundingMode.HALF_UP);
    }

    public void print(PrintStream out) {
        out.println("Ledger report (read from " + readFrom + ")");
        out.println("  orders by status");
        ordersByStatus.forEach((status, count) -> out.printf(Locale.ROOT, "    %-24s %,9d%n", status, count));
        out.printf(Locale.ROOT, "    %-24s %,9d%n", "total", orders());
        out.printf(Locale.ROOT, "  %-26s %,9d%n", "delivered orders", deliveredOrders);
        out.printf(Locale.ROOT, "  %-26s %,9d of %,d (%s %%)%n", "on time", onTimeDeliveries, deliveredOrders,
                onTimePercent().toPlainString());
        out.printf(Locale.ROOT, "  %-26s %,9d (late %,d, conflicting %,d, failed delivery attempts %,d)%n",
                "milestones recorded", milestonesRecorded, lateMilestones, conflictingMilestones,
                failedDeliveryAttempts);
        out.printf(Locale.ROOT, "  %-26s %s%n", "items total", money(itemsTotal));
        out.printf(Locale.ROOT, "  %-26s %s%n", "freight total", money(freightTotal));
        out.printf(Locale.ROOT, "  %-26s %s%n", "payments total", money(paymentsTotal));
        out.printf(Locale.ROOT, "  %-26s %s%n", "payments <> items+freight",
                paymentMismatches == null ? "not available" : String.format(Locale.ROOT, "%,9d orders",
                        paymentMismatches));
        for (String line : pending) {
            out.println("  NOTE: " + line);
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "not available" : String.format(Locale.ROOT, "BRL %,15.2f", amount);
    }
}
