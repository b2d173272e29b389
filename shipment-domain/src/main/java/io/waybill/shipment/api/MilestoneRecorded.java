package io.waybill.shipment.api;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A partner milestone as received, with what the ledger decided about it: whether it came late
 * ({@code late}), whether it contradicts a terminal status ({@code conflict}, with a reason), and
 * the shipment status and failed-attempt count after it.
 */
@Revision("1")
public record MilestoneRecorded(ShipmentId shipmentId, TenantId tenantId, OrderId orderId, MilestoneCode code,
                                Instant occurredAt, String sourceEventId, String source, String rawCode,
                                ReasonCode reason, String rawReason, String description, Location location,
                                ProofOfDelivery proofOfDelivery, Instant estimatedDelivery,
                                Integer attemptNumber, boolean late, boolean conflict, String conflictReason,
                                ShipmentStatus statusBefore, ShipmentStatus statusAfter, int failedAttempts)
        implements ShipmentEvent {
}
