package io.waybill.bench.load;

import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;

/** One milestone as a carrier reports it; a resend repeats the {@code sourceEventId} of an earlier step. */
public record MilestoneStep(MilestoneCode code, Instant occurredAt, String sourceEventId, String rawCode,
                            ReasonCode reason, String description, Location location,
                            ProofOfDelivery proofOfDelivery, Instant estimatedDelivery, Integer attemptNumber) {
}
