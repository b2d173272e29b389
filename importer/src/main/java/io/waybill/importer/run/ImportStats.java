package io.waybill.importer.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the requests one import run sent and of the service's responses. "Created" and "recorded" counts
 * are requests that stored something new; "repeated" counts are requests the service recognised as
 * already stored, so a second run over the same data shows only repeats.
 */
public final class ImportStats {

    final LongAdder ordersDone = new LongAdder();
    final LongAdder ordersWithRejections = new LongAdder();
    final LongAdder ordersCreated = new LongAdder();
    final LongAdder ordersRepeated = new LongAdder();
    final LongAdder cancelsSent = new LongAdder();
    final LongAdder holdsSent = new LongAdder();
    final LongAdder cancelsNotSent = new LongAdder();
    final LongAdder shipmentsCreated = new LongAdder();
    final LongAdder shipmentsRepeated = new LongAdder();
    final LongAdder tendersSent = new LongAdder();
    final Map<String, LongAdder> milestoneOutcomes = new ConcurrentHashMap<>();
    final LongAdder chargesRecorded = new LongAdder();
    final LongAdder chargesRepeated = new LongAdder();
    final LongAdder paymentsRecorded = new LongAdder();
    final LongAdder paymentsRepeated = new LongAdder();
    final LongAdder zeroPaymentsNotSent = new LongAdder();
    final LongAdder rejectedRecords = new LongAdder();
    final Map<String, String> waybillOrderIds = new ConcurrentHashMap<>();
    final Map<String, String> waybillShipmentIds = new ConcurrentHashMap<>();

    public long ordersDone() {
        return ordersDone.sum();
    }

    public long ordersWithRejections() {
        return ordersWithRejections.sum();
    }

    public long ordersCreated() {
        return ordersCreated.sum();
    }

    public long ordersRepeated() {
        return ordersRepeated.sum();
    }

    public long cancelsSent() {
        return cancelsSent.sum();
    }

    public long holdsSent() {
        return holdsSent.sum();
    }

    /** Orders Olist marks cancelled after a carrier took them; no cancel was sent because the ledger rejects it. */
    public long cancelsNotSent() {
        return cancelsNotSent.sum();
    }

    public long shipmentsCreated() {
        return shipmentsCreated.sum();
    }

    public long shipmentsRepeated() {
        return shipmentsRepeated.sum();
    }

    public long tendersSent() {
        return tendersSent.sum();
    }

    /** Milestone responses by outcome ({@code RECORDED}, {@code RECORDED_LATE}, {@code RECORDED_CONFLICT}, {@code DUPLICATE}). */
    public Map<String, Long> milestoneOutcomes() {
        Map<String, Long> counts = new TreeMap<>();
        milestoneOutcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    public long milestones(String outcome) {
        LongAdder count = milestoneOutcomes.get(outcome);
        return count == null ? 0 : count.sum();
    }

    public long chargesRecorded() {
        return chargesRecorded.sum();
    }

    public long chargesRepeated() {
        return chargesRepeated.sum();
    }

    public long paymentsRecorded() {
        return paymentsRecorded.sum();
    }

    public long paymentsRepeated() {
        return paymentsRepeated.sum();
    }

    /** Payment rows of 0.00, which are not sent because the ledger records only positive payments. */
    public long zeroPaymentsNotSent() {
        return zeroPaymentsNotSent.sum();
    }

    public long rejectedRecords() {
        return rejectedRecords.sum();
    }

    /**
     * Counts the requests whose response reported something newly stored, which is zero on a rerun over
     * unchanged data. Hold, cancel and tender responses do not tell a repeat from a change, so they are
     * not counted here.
     */
    public long changes() {
        return ordersCreated() + shipmentsCreated() + chargesRecorded() + paymentsRecorded()
                + milestones("RECORDED") + milestones("RECORDED_LATE") + milestones("RECORDED_CONFLICT");
    }

    /** Waybill order id of each imported Olist order id. */
    public Map<String, String> waybillOrderIds() {
        return Map.copyOf(waybillOrderIds);
    }

    /** Waybill shipment id of each Olist order id that has a shipment. */
    public Map<String, String> waybillShipmentIds() {
        return Map.copyOf(waybillShipmentIds);
    }
}
