package io.waybill.importer.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report figures worked out straight from the CSV files, without the importer's parser or
 * mapping code, so that a test can compare the two. The files have no quoted commas, so a line is
 * split on commas and surrounding quotes are dropped. The rules restate docs/olist.md: an order with a
 * customer delivery time is DELIVERED, one with only a carrier hand-over time PICKED_UP, a cancelled
 * order that no carrier took CANCELLED, an unavailable one ON_HOLD, and the rest RELEASED.
 * Timestamps are compared as text, which orders them correctly because they all have one format.
 * Freight counts only for orders with a shipment, because only a shipment carries expected charges.
 */
public record OlistExpectations(Map<String, Long> ordersByStatus, long deliveredOrders, long onTimeDeliveries,
                                long milestones, long conflictingMilestones, long shipments, long chargedShipments,
                                BigDecimal itemsTotal, BigDecimal freightTotal, BigDecimal paymentsTotal,
                                long positivePayments, long underpaidOrders, long overpaidOrders, long cancels,
                                long holds) {

    public long orders() {
        return ordersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public static OlistExpectations compute(Path folder) throws IOException {
        List<Map<String, String>> orders = rows(folder.resolve("olist_orders_2017_10k.csv"));
        Map<String, BigDecimal> itemsByOrder = new HashMap<>();
        Map<String, BigDecimal> freightByOrder = new HashMap<>();
        for (Map<String, String> item : rows(folder.resolve("olist_order_items_2017_10k.csv"))) {
            itemsByOrder.merge(item.get("order_id"), new BigDecimal(item.get("price")), BigDecimal::add);
            freightByOrder.merge(item.get("order_id"), new BigDecimal(item.get("freight_value")), BigDecimal::add);
        }
        Set<String> orderIds = new HashSet<>();
        orders.forEach(order -> orderIds.add(order.get("order_id")));
        Map<String, BigDecimal> paidByOrder = new HashMap<>();
        long positivePayments = 0;
        for (Map<String, String> payment : rows(folder.resolve("olist_order_payments_dataset.csv"))) {
            if (orderIds.contains(payment.get("order_id"))) {
                positivePayments += new BigDecimal(payment.get("payment_value")).signum() > 0 ? 1 : 0;
                paidByOrder.merge(payment.get("order_id"), new BigDecimal(payment.get("payment_value")),
                        BigDecimal::add);
            }
        }

        Map<String, Long> byStatus = new TreeMap<>();
        long delivered = 0;
        long onTime = 0;
        long milestones = 0;
        long conflicting = 0;
        long shipments = 0;
        long chargedShipments = 0;
        long cancels = 0;
        long holds = 0;
        BigDecimal items = BigDecimal.ZERO;
        BigDecimal freight = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        long underpaid = 0;
        long overpaid = 0;
        for (Map<String, String> order : orders) {
            String id = order.get("order_id");
            String status = order.get("order_status");
            String handover = order.get("order_delivered_carrier_date");
            String deliveredAt = order.get("order_delivered_customer_date");
            boolean shipped = !handover.isEmpty() || !deliveredAt.isEmpty();

            if (status.equals("canceled") && !shipped) {
                cancels++;
            }
            if (status.equals("unavailable")) {
                holds++;
            }
            String ledgerStatus;
            if (!deliveredAt.isEmpty()) {
                ledgerStatus = "DELIVERED";
            } else if (shipped) {
                ledgerStatus = "PICKED_UP";
            } else if (status.equals("canceled")) {
                ledgerStatus = "CANCELLED";
            } else if (status.equals("unavailable")) {
                ledgerStatus = "ON_HOLD";
            } else {
                ledgerStatus = "RELEASED";
            }
            byStatus.merge(ledgerStatus, 1L, Long::sum);

            if (!deliveredAt.isEmpty()) {
                delivered++;
                String promisedDay = order.get("order_estimated_delivery_date").substring(0, 10);
                if (deliveredAt.substring(0, 10).compareTo(promisedDay) <= 0) {
                    onTime++;
                }
            }
            if (shipped) {
                shipments++;
                chargedShipments += itemsByOrder.containsKey(id) ? 1 : 0;
                milestones += (handover.isEmpty() ? 0 : 1) + (deliveredAt.isEmpty() ? 0 : 1);
                if (!handover.isEmpty() && !deliveredAt.isEmpty() && deliveredAt.compareTo(handover) < 0) {
                    conflicting++;
                }
            }

            BigDecimal orderItems = itemsByOrder.getOrDefault(id, BigDecimal.ZERO);
            BigDecimal orderFreight = shipped ? freightByOrder.getOrDefault(id, BigDecimal.ZERO) : BigDecimal.ZERO;
            BigDecimal orderPaid = paidByOrder.getOrDefault(id, BigDecimal.ZERO);
            items = items.add(orderItems);
            freight = freight.add(orderFreight);
            paid = paid.add(orderPaid);
            int comparison = orderPaid.compareTo(orderItems.add(orderFreight));
            underpaid += comparison < 0 ? 1 : 0;
            overpaid += comparison > 0 ? 1 : 0;
        }
        return new OlistExpectations(byStatus, delivered, onTime, milestones, conflicting, shipments,
                chargedShipments, items, freight, paid, positivePayments, underpaid, overpaid, cancels, holds);
    }

    /** Reads a CSV file into maps from column name to value; quotes around names and values are removed. */
    private static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = unquote(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = unquote(line.split(",", -1));
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String[] unquote(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            cells[i] = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell;
        }
        return cells;
    }
}
