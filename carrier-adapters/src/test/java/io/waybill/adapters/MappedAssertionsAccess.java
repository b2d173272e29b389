package io.waybill.adapters;

import io.waybill.shipment.api.MilestoneCode;
import java.util.List;

/** Small views of a {@link MappedDocument} that keep the sample tests readable. */
public final class MappedAssertionsAccess {

    private MappedAssertionsAccess() {
    }

    public static List<MilestoneCode> codes(MappedDocument document) {
        return document.milestones().stream().map(PartnerMilestone::code).toList();
    }

    public static List<String> utcTimes(MappedDocument document) {
        return document.milestones().stream().map(milestone -> milestone.occurredAt().toString()).toList();
    }

    public static List<String> sourceEventIds(MappedDocument document) {
        return document.milestones().stream().map(PartnerMilestone::sourceEventId).toList();
    }

    public static PartnerMilestone last(MappedDocument document) {
        return document.milestones().get(document.milestones().size() - 1);
    }

    public static PartnerMilestone first(MappedDocument document, MilestoneCode code) {
        return document.milestones().stream().filter(milestone -> milestone.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + codes(document)));
    }
}
