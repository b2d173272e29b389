package io.waybill.bench.load;

import java.util.List;

/**
 * The operations the load generator sends, over HTTP or through the command gateway in process.
 * Each call blocks until the ledger answered and throws {@link LedgerException} when the answer is
 * not the expected success.
 */
public interface Ledger {

    void release(ShipmentPlan plan);

    void createShipment(ShipmentPlan plan);

    void tender(ShipmentPlan plan);

    void recordMilestone(ShipmentPlan plan, MilestoneStep step);

    /**
     * Sends several milestones in one request.
     *
     * @throws UnsupportedOperationException when the ledger has no batch operation
     */
    void recordBatch(List<BatchItem> items);

    /** One item of a batch: the shipment and its milestone. */
    record BatchItem(ShipmentPlan plan, MilestoneStep step) {
    }

    /** A ledger answer that was not the expected success. */
    final class LedgerException extends RuntimeException {
        public LedgerException(String message) {
            super(message);
        }

        public LedgerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
