package io.waybill.adapters;

import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mutable collector for one {@link PartnerMilestone}, so that mappers can fill fields step by step. */
public final class MilestoneDraft {

    private final String partner;
    private String carrier;
    private String trackingNumber;
    private final List<String> references = new ArrayList<>();
    private CodeMapping.Mapped mapped;
    private String rawCode;
    private ReasonCode reason;
    private boolean reasonMapped = true;
    private String rawReason;
    private String description;
    private PartnerTime time;
    private Location location;
    private ProofOfDelivery proofOfDelivery;
    private Instant estimatedDelivery;
    private String position;

    public MilestoneDraft(String partner) {
        this.partner = partner;
    }

    public MilestoneDraft carrier(String name) {
        this.carrier = Carriers.normalise(name);
        return this;
    }

    public MilestoneDraft trackingNumber(String number) {
        this.trackingNumber = Carriers.normaliseTrackingNumber(number);
        return this;
    }

    public MilestoneDraft reference(String reference) {
        if (reference != null && !reference.isBlank() && !references.contains(reference.trim())) {
            references.add(reference.trim());
        }
        return this;
    }

    public MilestoneDraft code(String raw, CodeMapping.Mapped mapping) {
        this.rawCode = raw;
        this.mapped = mapping;
        return this;
    }

    public MilestoneDraft reason(String raw, ReasonCode canonical, boolean known) {
        this.rawReason = raw;
        this.reason = canonical;
        this.reasonMapped = known;
        return this;
    }

    /** Sets the reason only when none was set before. */
    public MilestoneDraft reasonIfAbsent(ReasonCode canonical) {
        if (this.reason == null) {
            this.reason = canonical;
        }
        return this;
    }

    public MilestoneDraft description(String text) {
        this.description = text == null || text.isBlank() ? null : text.trim().replaceAll("\\s+", " ");
        return this;
    }

    public MilestoneDraft time(PartnerTime value) {
        this.time = value;
        return this;
    }

    public MilestoneDraft location(Location value) {
        this.location = value;
        return this;
    }

    public MilestoneDraft proofOfDelivery(ProofOfDelivery value) {
        this.proofOfDelivery = value;
        return this;
    }

    public MilestoneDraft estimatedDelivery(Instant value) {
        this.estimatedDelivery = value;
        return this;
    }

    public MilestoneDraft position(String value) {
        this.position = value;
        return this;
    }

    public MilestoneCode code() {
        return mapped == null ? null : mapped.code();
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Location location() {
        return location;
    }

    public String description() {
        return description;
    }

    public String rawCode() {
        return rawCode;
    }

    public PartnerTime time() {
        return time;
    }

    /** Builds the milestone; proof of delivery is dropped unless the milestone is DELIVERED. */
    public PartnerMilestone build(String sourceEventId) {
        MilestoneCode code = mapped == null ? MilestoneCode.UNKNOWN : mapped.code();
        ReasonCode finalReason = reason != null ? reason : mapped == null ? null : mapped.reason();
        ProofOfDelivery pod = code == MilestoneCode.DELIVERED ? proofOfDelivery : null;
        return new PartnerMilestone(partner, carrier, trackingNumber, references, code,
                mapped != null && mapped.known(), rawCode, finalReason, reasonMapped, rawReason, description, time,
                sourceEventId, location, pod, estimatedDelivery, position);
    }
}
