package io.waybill.shipment;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneOutcome;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ReasonCode;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import java.time.Instant;

/**
 * The effect of one new milestone on a shipment. The rules, in order:
 * <ol>
 *   <li>After a terminal status nothing moves the status. A milestone that happened later than the
 *       terminal one, or a different terminal milestone, is flagged as a conflict for review.</li>
 *   <li>A terminal milestone wins over any non-terminal status, even if it happened earlier.</li>
 *   <li>A non-terminal milestone that happened before the milestone behind the current status is
 *       late: recorded, status unchanged.</li>
 *   <li>DELAYED and UNKNOWN annotate the shipment and never change its status.</li>
 * </ol>
 * A failed attempt is counted whether or not it is late, but not when it is flagged as a conflict:
 * an attempt reported after the shipment was delivered contradicts the delivery and waits for review.
 * A terminal milestone reported again is recorded without a flag; it is late only if it happened earlier.
 */
record MilestoneDecision(ShipmentStatus before, ShipmentStatus after, boolean late, boolean conflict,
                         String conflictReason, int failedAttempts) {

    static MilestoneDecision decide(ShipmentStatus current, Instant currentOccurredAt, int failedAttempts,
                                    RecordMilestone command) {
        boolean failedAttempt = command.code() == MilestoneCode.DELIVERY_ATTEMPT_FAILED;
        int attempts = failedAttempts + (failedAttempt ? 1 : 0);
        ShipmentStatus target = ShipmentStatus.reachedBy(command.code());
        boolean happenedBefore = currentOccurredAt != null && command.occurredAt().isBefore(currentOccurredAt);

        if (current.isTerminal()) {
            if (target == current) {
                return new MilestoneDecision(current, current, happenedBefore, false, null, failedAttempts);
            }
            boolean otherTerminal = target != null && target.isTerminal();
            boolean activityAfter = !happenedBefore && !command.occurredAt().equals(currentOccurredAt);
            if (otherTerminal || activityAfter) {
                String reason = command.code() + " at " + command.occurredAt() + " after the shipment was "
                        + current + (currentOccurredAt == null ? "" : " at " + currentOccurredAt);
                return new MilestoneDecision(current, current, false, true, reason, failedAttempts);
            }
            return new MilestoneDecision(current, current, true, false, null, attempts);
        }
        if (target == null) {
            return new MilestoneDecision(current, current, happenedBefore, false, null, attempts);
        }
        if (target.isTerminal()) {
            return new MilestoneDecision(current, target, false, false, null, attempts);
        }
        if (happenedBefore) {
            return new MilestoneDecision(current, current, true, false, null, attempts);
        }
        return new MilestoneDecision(current, target, false, false, null, attempts);
    }

    static MilestoneResult duplicate(ShipmentId shipmentId, String sourceEventId, ShipmentStatus status,
                                     int failedAttempts) {
        return new MilestoneResult(shipmentId, sourceEventId, MilestoneOutcome.DUPLICATE, status, failedAttempts);
    }

    MilestoneRecorded toEvent(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, RecordMilestone command) {
        ReasonCode reason = command.reason() == null && command.rawReason() != null
                ? ReasonCode.UNKNOWN
                : command.reason();
        return new MilestoneRecorded(shipmentId, tenantId, orderId, command.code(), command.occurredAt(),
                command.sourceEventId(), command.source(), command.rawCode(), reason, command.rawReason(),
                command.description(), command.location(), command.proofOfDelivery(), command.estimatedDelivery(),
                command.attemptNumber(), late, conflict, conflictReason, before, after, failedAttempts);
    }

    MilestoneResult result(ShipmentId shipmentId, String sourceEventId) {
        MilestoneOutcome outcome = conflict ? MilestoneOutcome.RECORDED_CONFLICT
                : late ? MilestoneOutcome.RECORDED_LATE
                : MilestoneOutcome.RECORDED;
        return new MilestoneResult(shipmentId, sourceEventId, outcome, after, failedAttempts);
    }
}
