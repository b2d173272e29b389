package io.waybill.adapters;

import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;
import java.util.List;

/**
 * One partner event in canonical terms, before it is matched to a shipment.
 *
 * @param partner            who sent the document, for example {@code easypost} or {@code x12}
 * @param carrier            the carrier, normalised by {@link Carriers#normalise(String)}
 * @param trackingNumber     the carrier's tracking number, normalised by {@link Carriers#normaliseTrackingNumber(String)}
 * @param partnerReferences  the partner's own references for the shipment (its shipment id, unique tracking id,
 *                           customer reference), used to tell apart shipments that share a tracking number
 * @param code               canonical milestone; {@link MilestoneCode#UNKNOWN} when the raw code has no mapping
 *                           or the event changes no status
 * @param codeMapped         false when {@code rawCode} is missing from the partner's mapping table
 * @param rawCode            the partner's status code as sent
 * @param reason             canonical reason, or {@code null} when the event gives none
 * @param reasonMapped       false when {@code rawReason} is missing from the partner's reason table
 * @param rawReason          the partner's reason code and text as sent
 * @param time               when it happened, with the partner's local time and offset
 * @param sourceEventId      stable id of the input event, so that a redelivery is recognised as a duplicate
 * @param position           where the event sits in the document, for error reports
 */
public record PartnerMilestone(String partner, String carrier, String trackingNumber, List<String> partnerReferences,
                               MilestoneCode code, boolean codeMapped, String rawCode, ReasonCode reason,
                               boolean reasonMapped, String rawReason, String description, PartnerTime time,
                               String sourceEventId, Location location, ProofOfDelivery proofOfDelivery,
                               Instant estimatedDelivery, String position) {

    public PartnerMilestone {
        partnerReferences = partnerReferences == null ? List.of() : List.copyOf(partnerReferences);
    }

    public Instant occurredAt() {
        return time.occurredAt();
    }
}
