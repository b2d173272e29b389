package io.waybill.importer.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.importer.client.ApiRejectedException;
import io.waybill.importer.client.AuditApi;
import io.waybill.importer.client.QueryApi;
import io.waybill.importer.client.ServiceUnreachableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the report from the service's read models once they have caught up with the import. The
 * visibility list gives the shipments, the KPIs the deliveries, the trial balance the items and
 * payments, the carrier summary the expected freight and the reconciliation the payment mismatches.
 * Orders without a shipment appear in no read model, so their status comes from their audit history.
 */
public final class QueryReportReader {

    private static final int PAGE_SIZE = 500;
    /** Days per KPI or carrier summary request; the service accepts at most 366. */
    private static final int DAYS_PER_REQUEST = 366;
    /** Between projection status requests; the admin rate limit allows 60 a minute by default. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final String SALES_REVENUE = "4000";
    private static final String PAYMENTS_CLEARING = "1010";

    private final QueryApi queries;
    private final AuditApi audit;
    private final int concurrency;
    private final Duration catchUpTimeout;

    public QueryReportReader(QueryApi queries, AuditApi audit, int concurrency, Duration catchUpTimeout) {
        this.queries = queries;
        this.audit = audit;
        this.concurrency = concurrency;
        this.catchUpTimeout = catchUpTimeout;
    }

    /**
     * Waits for the projections, then reads every figure.
     *
     * @param ordersWithoutShipment Waybill ids of the imported orders that have no shipment
     * @param firstDay              first day on which a shipment may have been created, in the tenant's zone
     * @param lastDay               last such day
     */
    public LedgerReport read(Collection<String> ordersWithoutShipment, LocalDate firstDay, LocalDate lastDay)
            throws ReportException {
        try {
            awaitProjections();

            Map<String, Long> byStatus = new TreeMap<>();
            long[] shipmentFigures = readShipments(byStatus);
            for (String status : orderStatuses(ordersWithoutShipment)) {
                byStatus.merge(status, 1L, Long::sum);
            }

            long delivered = 0;
            long onTime = 0;
            BigDecimal freight = BigDecimal.ZERO;
            for (LocalDate from = firstDay; !from.isAfter(lastDay); from = from.plusDays(DAYS_PER_REQUEST)) {
                LocalDate to = from.plusDays(DAYS_PER_REQUEST - 1L).isAfter(lastDay)
                        ? lastDay : from.plusDays(DAYS_PER_REQUEST - 1L);
                for (JsonNode row : queries.kpis(from, to).path("rows")) {
                    delivered += row.path("delivered").asLong();
                    onTime += row.path("onTime").asLong();
                }
                for (JsonNode day : queries.carrierDays(from, to).path("days")) {
                    freight = freight.add(day.path("expectedFreight").decimalValue());
                }
            }

            BigDecimal items = BigDecimal.ZERO;
            BigDecimal payments = BigDecimal.ZERO;
            for (JsonNode account : queries.trialBalance().path("accounts")) {
                BigDecimal debit = account.path("debit").decimalValue();
                BigDecimal credit = account.path("credit").decimalValue();
                switch (account.path("account").asText()) {
                    case SALES_REVENUE -> items = items.add(credit.subtract(debit));
                    case PAYMENTS_CLEARING -> payments = payments.add(debit.subtract(credit));
                    default -> {
                        // Receivables, carrier accounts and the rest are not part of the report.
                    }
                }
            }

            return new LedgerReport(byStatus, delivered, onTime, shipmentFigures[0], shipmentFigures[1],
                    shipmentFigures[2], items, freight, payments, countMismatches("UNDERPAID"),
                    countMismatches("OVERPAID"));
        } catch (ApiRejectedException | ServiceUnreachableException e) {
            throw new ReportException("cannot read the report: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException("interrupted while reading the report", e);
        }
    }

    /** Waits until every projection has processed the whole event store, or the timeout runs out. */
    private void awaitProjections() throws ApiRejectedException, ServiceUnreachableException, InterruptedException,
            ReportException {
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (true) {
            List<String> behind = new ArrayList<>();
            for (JsonNode projection : queries.projections().path("projections")) {
                JsonNode position = projection.path("position");
                JsonNode head = projection.path("head");
                boolean atHead = position.isNull() || head.isNull() || position.asLong() >= head.asLong();
                if (!projection.path("caughtUp").asBoolean() || projection.path("replaying").asBoolean() || !atHead) {
                    behind.add(projection.path("name").asText() + " at " + position.asText() + " of " + head.asText());
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ReportException("the read models did not catch up within " + catchUpTimeout.toSeconds()
                        + " s: " + String.join(", ", behind) + "; read the report again later", null);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Counts shipments by status into {@code byStatus}; returns milestones, conflicts and failed attempts. */
    private long[] readShipments(Map<String, Long> byStatus) throws ApiRejectedException, ServiceUnreachableException {
        long milestones = 0;
        long conflicts = 0;
        long failedAttempts = 0;
        String cursor = null;
        do {
            JsonNode page = queries.shipments(cursor, PAGE_SIZE);
            for (JsonNode shipment : page.path("items")) {
                byStatus.merge(shipment.path("status").asText(), 1L, Long::sum);
                milestones += shipment.path("milestoneCount").asLong();
                conflicts += shipment.path("conflict").asBoolean() ? 1 : 0;
                failedAttempts += shipment.path("failedAttempts").asLong();
            }
            cursor = page.path("items").isEmpty() || page.path("nextCursor").isNull()
                    ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return new long[] {milestones, conflicts, failedAttempts};
    }

    private long countMismatches(String category) throws ApiRejectedException, ServiceUnreachableException {
        long count = 0;
        String cursor = null;
        do {
            JsonNode page = queries.mismatches(category, cursor, PAGE_SIZE);
            count += page.path("items").size();
            cursor = page.path("items").isEmpty() || page.path("nextCursor").isNull()
                    ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        return count;
    }

    /** Reads each order's status from its audit history: its last hold, hold release or cancel. */
    private List<String> orderStatuses(Collection<String> orderIds) throws ApiRejectedException,
            ServiceUnreachableException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<String>> futures = new ArrayList<>(orderIds.size());
            for (String orderId : orderIds) {
                futures.add(pool.submit(() -> orderStatus(audit.orderHistory(orderId))));
            }
            List<String> statuses = new ArrayList<>(futures.size());
            for (Future<String> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiRejectedException rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof ServiceUnreachableException unreachable) {
                throw unreachable;
            }
            throw new IllegalStateException("cannot read an order history", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String orderStatus(JsonNode history) {
        String status = "RELEASED";
        for (JsonNode event : history.path("events")) {
            switch (event.path("type").asText()) {
                case "OrderPlacedOnHold" -> status = "ON_HOLD";
                case "OrderHoldReleased" -> status = "RELEASED";
                case "OrderCancelled" -> status = "CANCELLED";
                default -> {
                    // Other order events do not change what the report counts as its status.
                }
            }
        }
        return status;
    }
}
