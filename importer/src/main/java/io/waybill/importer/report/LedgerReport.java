package io.waybill.importer.report;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * The figures read back from the service after an import.
 *
 * @param ordersByStatus          orders by status: the status of the order's shipment, or for an order
 *                                without one its own status (RELEASED, ON_HOLD, CANCELLED)
 * @param deliveredOrders         deliveries counted by the KPIs
 * @param onTimeDeliveries        deliveries on or before the promised day, in the tenant's time zone
 * @param milestonesRecorded      milestones stored on the tenant's shipments, flagged ones included
 * @param conflictingShipments    shipments with a milestone that contradicts their terminal status
 * @param failedDeliveryAttempts  failed delivery attempts on the tenant's shipments
 * @param itemsTotal              sales revenue booked by order releases: items at unit price times quantity
 * @param freightTotal            expected freight of all shipments, from the latest quote of each
 * @param paymentsTotal           customer payments booked to payments clearing
 * @param underpaidOrders         orders paid less than items plus expected freight
 * @param overpaidOrders          orders paid more than items plus expected freight
 */
public record LedgerReport(Map<String, Long> ordersByStatus, long deliveredOrders, long onTimeDeliveries,
                           long milestonesRecorded, long conflictingShipments, long failedDeliveryAttempts,
                           BigDecimal itemsTotal, BigDecimal freightTotal, BigDecimal paymentsTotal,
                           long underpaidOrders, long overpaidOrders) {

    public long orders() {
        return ordersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Orders whose payments differ from items plus expected freight. */
    public long paymentMismatches() {
        return underpaidOrders + overpaidOrders;
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
        out.println("Ledger report (read back from the query APIs)");
        out.println("  orders by status");
        ordersByStatus.forEach((status, count) -> out.printf(Locale.ROOT, "    %-24s %,9d%n", status, count));
        out.printf(Locale.ROOT, "    %-24s %,9d%n", "total", orders());
        out.printf(Locale.ROOT, "  %-26s %,9d%n", "delivered orders", deliveredOrders);
        out.printf(Locale.ROOT, "  %-26s %,9d of %,d (%s %%)%n", "delivered on time", onTimeDeliveries,
                deliveredOrders, onTimePercent().toPlainString());
        out.printf(Locale.ROOT, "  %-26s %,9d%n", "milestones recorded", milestonesRecorded);
        out.printf(Locale.ROOT, "  %-26s %,9d%n", "shipments with a conflict", conflictingShipments);
        out.printf(Locale.ROOT, "  %-26s %,9d%n", "failed delivery attempts", failedDeliveryAttempts);
        out.printf(Locale.ROOT, "  %-26s BRL %,15.2f%n", "items total", itemsTotal);
        out.printf(Locale.ROOT, "  %-26s BRL %,15.2f%n", "freight total", freightTotal);
        out.printf(Locale.ROOT, "  %-26s BRL %,15.2f%n", "payments total", paymentsTotal);
        out.printf(Locale.ROOT, "  %-26s %,9d (%,d underpaid, %,d overpaid)%n", "payments <> items+freight",
                paymentMismatches(), underpaidOrders, overpaidOrders);
    }
}
