package io.waybill.shipment.api.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings by which one tenant's failed deliveries turn into returns.
 *
 * @param enabled            false leaves failed deliveries to people
 * @param maxAttempts        failed attempts after which the return starts at once
 * @param redeliveryDeadline how long after asking for a redelivery the shipment may still be
 *                           delivered before the return starts
 * @param lateDeliveryWindow how long after a completed return a late DELIVERED is still compensated
 */
public record FailedDeliveryPolicy(boolean enabled, int maxAttempts, Duration redeliveryDeadline,
                                   Duration lateDeliveryWindow) {

    public FailedDeliveryPolicy {
        Objects.requireNonNull(redeliveryDeadline, "redeliveryDeadline");
        Objects.requireNonNull(lateDeliveryWindow, "lateDeliveryWindow");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be 1 or more, was " + maxAttempts);
        }
        if (redeliveryDeadline.isNegative() || redeliveryDeadline.isZero()) {
            throw new IllegalArgumentException("redelivery-deadline must be positive, was " + redeliveryDeadline);
        }
        if (lateDeliveryWindow.isNegative()) {
            throw new IllegalArgumentException("late-delivery-window must not be negative, was " + lateDeliveryWindow);
        }
    }
}
