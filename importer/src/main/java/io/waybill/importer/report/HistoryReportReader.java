package io.waybill.importer.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.importer.client.ApiRejectedException;
import io.waybill.importer.client.AuditApi;
import io.waybill.importer.client.ServiceUnreachableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the report from the audit API by reading the event history of every imported order and
 * shipment and adding up their events. That takes one request per order and per shipment.
 */
public final class HistoryReportReader {

    private final AuditApi audit;
    private final int concurrency;
    private final ZoneId promiseZone;

    /** @param promiseZone time zone of the promised delivery days, used to tell on-time from late */
    public HistoryReportReader(AuditApi audit, int concurrency, ZoneId promiseZone) {
        this.audit = audit;
        this.concurrency = concurrency;
        this.promiseZone = promiseZone;
    }

    /** Per-order figures taken from the two histories of one order. */
    private record OrderFigures(String status, boolean delivered, boolean onTime, long milestones, long late,
                                long conflicting, long failedAttempts, BigDecimal items, BigDecimal freight) {
    }

    /**
     * @param orderIds    Waybill order ids, each with the Waybill id of its shipment or {@code null}
     * @param freightSent whether the import could send expected charges; without them the freight total
     *                    is reported as not available rather than as zero
     * @param pending     figures this source cannot read, with the reason, printed with the report
     */
    public LedgerReport read(Map<String, String> orderIds, boolean freightSent, List<String> pending)
            throws ReportException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<OrderFigures>> futures = new ArrayList<>(orderIds.size());
            orderIds.forEach((orderId, shipmentId) -> futures.add(pool.submit(() -> figures(orderId, shipmentId))));

            Map<String, Long> byStatus = new TreeMap<>();
            long delivered = 0;
            long onTime = 0;
            long milestones = 0;
            long late = 0;
            long conflicting = 0;
            long failedAttempts = 0;
            BigDecimal items = BigDecimal.ZERO;
            BigDecimal freight = BigDecimal.ZERO;
            for (Future<OrderFigures> future : futures) {
                OrderFigures figures = future.get();
                byStatus.merge(figures.status(), 1L, Long::sum);
                delivered += figures.delivered() ? 1 : 0;
                onTime += figures.onTime() ? 1 : 0;
                milestones += figures.milestones();
                late += figures.late();
                conflicting += figures.conflicting();
                failedAttempts += figures.failedAttempts();
                items = items.add(figures.items());
                freight = freight.add(figures.freight());
            }
            String readFrom = String.format("audit histories of %,d orders and %,d shipments", orderIds.size(),
                    orderIds.values().stream().filter(id -> id != null).count());
            return new LedgerReport(readFrom, byStatus, delivered, onTime, milestones, late, conflicting,
                    failedAttempts, items, freightSent ? freight : null, null, null, pending);
        } catch (ExecutionException e) {
            throw new ReportException("cannot read the report from the audit API: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while reading the report", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private OrderFigures figures(String orderId, String shipmentId)
            throws ApiRejectedException, ServiceUnreachableException {
        String orderStatus = "RELEASED";
        BigDecimal items = BigDecimal.ZERO;
        LocalDate promisedDay = null;
        for (JsonNode event : audit.orderHistory(orderId).path("events")) {
            JsonNode payload = event.path("payload");
            switch (event.path("type").asText()) {
                case "OrderReleased" -> {
                    promisedDay = LocalDate.parse(payload.path("promisedDelivery").path("latestDate").asText());
                    for (JsonNode line : payload.path("lines")) {
                        items = items.add(line.path("unitPrice").path("amount").decimalValue()
                                .multiply(BigDecimal.valueOf(line.path("quantity").asLong())));
                    }
                }
                case "OrderPlacedOnHold" -> orderStatus = "ON_HOLD";
                case "OrderHoldReleased" -> orderStatus = "RELEASED";
                case "OrderCancelled" -> orderStatus = "CANCELLED";
                default -> {
                    // Hand-over events do not change what the report counts.
                }
            }
        }
        if (shipmentId == null) {
            return new OrderFigures(orderStatus, false, false, 0, 0, 0, 0, items, BigDecimal.ZERO);
        }

        String shipmentStatus = "CREATED";
        Instant deliveredAt = null;
        long milestones = 0;
        long late = 0;
        long conflicting = 0;
        long failedAttempts = 0;
        BigDecimal freight = BigDecimal.ZERO;
        for (JsonNode event : audit.shipmentHistory(shipmentId).path("events")) {
            JsonNode payload = event.path("payload");
            switch (event.path("type").asText()) {
                case "ShipmentTendered" -> {
                    if ("CREATED".equals(shipmentStatus)) {
                        shipmentStatus = "TENDERED";
                    }
                }
                case "MilestoneRecorded" -> {
                    milestones++;
                    late += payload.path("late").asBoolean() ? 1 : 0;
                    conflicting += payload.path("conflict").asBoolean() ? 1 : 0;
                    failedAttempts += "DELIVERY_ATTEMPT_FAILED".equals(payload.path("code").asText()) ? 1 : 0;
                    String after = payload.path("statusAfter").asText();
                    if ("DELIVERED".equals(after) && !"DELIVERED".equals(payload.path("statusBefore").asText())) {
                        deliveredAt = Instant.parse(payload.path("occurredAt").asText());
                    }
                    shipmentStatus = after;
                }
                case "ExpectedChargesRecorded" -> {
                    // A later quote replaces the earlier expectation.
                    freight = BigDecimal.ZERO;
                    for (JsonNode line : payload.path("lines")) {
                        freight = freight.add(line.path("amount").path("amount").decimalValue());
                    }
                }
                default -> {
                    // Creation and invoices do not change what the report counts.
                }
            }
        }
        boolean delivered = "DELIVERED".equals(shipmentStatus);
        boolean onTime = delivered && deliveredAt != null && promisedDay != null
                && !deliveredAt.atZone(promiseZone).toLocalDate().isAfter(promisedDay);
        String status = orderStatus.equals("RELEASED") ? shipmentStatus : orderStatus;
        return new OrderFigures(status, delivered, onTime, milestones, late, conflicting, failedAttempts, items,
                freight);
    }
}
