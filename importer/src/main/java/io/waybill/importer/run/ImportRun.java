package io.waybill.importer.run;

import io.waybill.importer.client.ApiRejectedException;
import io.waybill.importer.client.ChargeApi;
import io.waybill.importer.client.OrderApi;
import io.waybill.importer.client.PaymentApi;
import io.waybill.importer.client.ServiceUnreachableException;
import io.waybill.importer.client.ShipmentApi;
import io.waybill.importer.client.ShipmentRequests.Milestone;
import io.waybill.importer.mapping.OrderPlan;
import io.waybill.importer.mapping.OrderPlan.PaymentPlan;
import io.waybill.importer.mapping.OrderPlan.ShipmentPlan;
import io.waybill.importer.olist.RejectedRecord;
import io.waybill.importer.olist.SourceLine;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the requests of many orders to the service, at most {@code concurrency} orders at a time.
 * The requests of one order go one after the other in the order of its {@link OrderPlan}. A rejected
 * request is reported as a {@link RejectedRecord} and the order goes on with the steps that do not
 * depend on it. Once the service is unreachable, orders not yet started are left out.
 */
public final class ImportRun {

    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]");
    private static final String ROUTING_HINT = "; if the service routes this tenant's orders itself, it tendered the"
            + " shipment first: start it with --waybill.processes.tenants.<tenant>.routing.enabled=false";

    private final OrderApi orders;
    private final ShipmentApi shipments;
    private final PaymentApi payments;
    private final ChargeApi charges;
    private final int concurrency;
    private final Consumer<RejectedRecord> rejections;
    private final ImportStats stats;
    private volatile ServiceUnreachableException stoppedBy;

    public ImportRun(OrderApi orders, ShipmentApi shipments, PaymentApi payments, ChargeApi charges, int concurrency,
                     ImportStats stats, Consumer<RejectedRecord> rejections) {
        this.orders = orders;
        this.shipments = shipments;
        this.payments = payments;
        this.charges = charges;
        this.concurrency = concurrency;
        this.stats = stats;
        this.rejections = rejections;
    }

    /** Imports every plan and returns when all are done or the service became unreachable. */
    public void run(List<OrderPlan> plans) throws InterruptedException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "import-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (OrderPlan plan : plans) {
                pool.execute(() -> importOrder(plan));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // Wait; the progress line shows what happens meanwhile.
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns the failure that stopped the run early, or {@code null} when every order was attempted. */
    public ServiceUnreachableException stoppedBy() {
        return stoppedBy;
    }

    private void importOrder(OrderPlan plan) {
        if (stoppedBy != null) {
            return;
        }
        OrderSteps steps = new OrderSteps(plan);
        try {
            steps.run();
        } catch (Stop stop) {
            // The rejection is reported; the order stays incomplete and a rerun completes it.
        }
        if (steps.rejected) {
            stats.ordersWithRejections.increment();
        }
        stats.ordersDone.increment();
    }

    /** Ends the steps of one order once the service is unreachable. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private interface Call<T> {
        T send() throws ApiRejectedException, ServiceUnreachableException;
    }

    /** The requests of one order and whether any of them was rejected. */
    private final class OrderSteps {

        private final OrderPlan plan;
        private final String subject;
        private boolean rejected;

        OrderSteps(OrderPlan plan) {
            this.plan = plan;
            this.subject = "order " + plan.orderId();
        }

        void run() {
            OrderApi.Released released = send(releaseSource(null), subject + ", release",
                    () -> orders.release(plan.release()));
            if (released == null) {
                return;
            }
            String orderId = released.orderId();
            stats.zeroPaymentsNotSent.add(plan.zeroPayments());
            stats.waybillOrderIds.put(plan.orderId(), orderId);
            (released.created() ? stats.ordersCreated : stats.ordersRepeated).increment();

            changeStatus(orderId);
            if (plan.shipment() != null) {
                ship(orderId, plan.shipment());
            }
            for (PaymentPlan payment : plan.payments()) {
                PaymentApi.PaymentAnswer answer = send(payment.source(), subject + ", payment "
                        + payment.body().paymentReference(), () -> payments.record(orderId, payment.body()));
                if (answer != null) {
                    (answer.recorded() ? stats.paymentsRecorded : stats.paymentsRepeated).increment();
                }
            }
        }

        private void changeStatus(String orderId) {
            if (plan.cancelAfterHandover()) {
                stats.cancelsNotSent.increment();
            }
            if (plan.statusChange() == null) {
                return;
            }
            switch (plan.statusChange().action()) {
                case CANCEL -> {
                    if (send(plan.order().source(), subject + ", cancel",
                            () -> orders.cancel(orderId, plan.statusChange().body())) != null) {
                        stats.cancelsSent.increment();
                    }
                }
                case HOLD -> {
                    if (send(plan.order().source(), subject + ", hold",
                            () -> orders.hold(orderId, plan.statusChange().body())) != null) {
                        stats.holdsSent.increment();
                    }
                }
            }
        }

        private void ship(String orderId, ShipmentPlan shipment) {
            SourceLine source = plan.order().source();
            OrderApi.ShipmentCreated created = send(source, subject + ", create shipment",
                    () -> orders.createShipment(orderId, shipment.create()));
            if (created == null) {
                return;
            }
            String shipmentId = created.shipmentId();
            stats.waybillShipmentIds.put(plan.orderId(), shipmentId);
            (created.created() ? stats.shipmentsCreated : stats.shipmentsRepeated).increment();

            if (send(source, subject + ", tender", () -> shipments.tender(shipmentId, shipment.tender())) == null) {
                return;
            }
            stats.tendersSent.increment();
            for (Milestone milestone : shipment.milestones()) {
                ShipmentApi.MilestoneAnswer answer = send(source, subject + ", " + milestone.code() + " milestone from "
                        + milestone.rawCode(), () -> shipments.recordMilestone(shipmentId, milestone));
                if (answer != null) {
                    stats.milestoneOutcomes.computeIfAbsent(answer.outcome(), outcome -> new LongAdder()).increment();
                }
            }
            if (shipment.charges() != null) {
                SourceLine firstItem = plan.itemSources().isEmpty() ? source : plan.itemSources().get(0);
                ChargeApi.ChargeAnswer answer = send(firstItem, subject + ", expected freight charge",
                        () -> charges.recordExpected(shipmentId, shipment.charges()));
                if (answer != null) {
                    (answer.recorded() ? stats.chargesRecorded : stats.chargesRepeated).increment();
                }
            }
        }

        /** Returns the line to blame for a rejected release: the item row behind a rejected line, else the order row. */
        private SourceLine releaseSource(String field) {
            if (field != null) {
                Matcher matcher = LINE_FIELD.matcher(field);
                if (matcher.find()) {
                    int index = Integer.parseInt(matcher.group(1));
                    if (index < plan.itemSources().size()) {
                        return plan.itemSources().get(index);
                    }
                }
            }
            return plan.order().source();
        }

        private <T> T send(SourceLine source, String what, Call<T> call) {
            try {
                return call.send();
            } catch (ApiRejectedException e) {
                SourceLine blamed = what.endsWith(", release") ? releaseSource(e.field()) : source;
                String hint = what.endsWith(", tender") && e.status() == 409 ? ROUTING_HINT : "";
                reject(blamed, what, "the service rejected it: " + e.getMessage() + hint);
                return null;
            } catch (ServiceUnreachableException e) {
                if (stoppedBy == null) {
                    stoppedBy = e;
                }
                reject(source, what, e.getMessage());
                throw new Stop();
            }
        }

        private void reject(SourceLine source, String what, String reason) {
            rejected = true;
            stats.rejectedRecords.increment();
            rejections.accept(new RejectedRecord(source, what, reason));
        }
    }
}
