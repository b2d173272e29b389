package io.waybill.adapters.edi;

import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerTime;
import io.waybill.adapters.ReasonMapping;
import io.waybill.adapters.SourceEventIds;
import io.waybill.adapters.Zones;
import io.waybill.adapters.edi.EdiReader.Segment;
import io.waybill.shipment.api.GeoPoint;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * X12 214 transaction sets. B10 names the shipment (01 carrier reference or PRO number, used as
 * the tracking number; 02 shipment id, kept as the partner reference; 03 SCAC, the carrier). Every
 * AT7 status becomes one milestone; the MS1 after it gives the place.
 */
final class X12StatusMapper {

    /** AT7-01 shipment status codes (X12 element 1650). */
    static final CodeMapping STATUSES = new CodeMapping()
            .annotation("XB")
            .annotation("X3")
            .annotation("X8")
            .annotation("OO")
            .annotation("AG")
            .annotation("X2")
            .annotation("B6")
            .annotation("C1")
            .map("AF", MilestoneCode.PICKED_UP)
            .map("CP", MilestoneCode.PICKED_UP)
            .map("P1", MilestoneCode.IN_TRANSIT)
            .map("X4", MilestoneCode.IN_TRANSIT)
            .map("J1", MilestoneCode.IN_TRANSIT)
            .map("I1", MilestoneCode.IN_TRANSIT)
            .map("OA", MilestoneCode.IN_TRANSIT)
            .map("AM", MilestoneCode.IN_TRANSIT)
            .map("X6", MilestoneCode.OUT_FOR_DELIVERY)
            .map("X1", MilestoneCode.OUT_FOR_DELIVERY)
            .map("D1", MilestoneCode.DELIVERED)
            .map("AH", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("AP", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("AW", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("SD", MilestoneCode.DELAYED)
            .map("A3", MilestoneCode.RETURNED_TO_SENDER)
            .map("A7", MilestoneCode.EXCEPTION, ReasonCode.REFUSED_BY_RECIPIENT)
            .map("A9", MilestoneCode.EXCEPTION, ReasonCode.DAMAGED)
            .map("CA", MilestoneCode.CANCELLED);

    /** AT7-02 status reason codes (X12 element 1651); NS (normal status) carries no reason. */
    static final ReasonMapping REASONS = new ReasonMapping()
            .map("A1", ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("A2", ReasonCode.ADDRESS_INCORRECT)
            .map("A5", ReasonCode.ADDRESS_INCORRECT)
            .map("AG", ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("AO", ReasonCode.WEATHER)
            .map("AQ", ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("AS", ReasonCode.CUSTOMS_HOLD)
            .map("AA", ReasonCode.MISSED_CONNECTION)
            .map("AN", ReasonCode.BUSINESS_CLOSED)
            .map("B1", ReasonCode.BUSINESS_CLOSED)
            .map("BS", ReasonCode.REFUSED_BY_RECIPIENT)
            .map("AD", ReasonCode.RESCHEDULED_BY_RECIPIENT);

    /** Status codes whose AT7 date and time is an estimate of a later event, not when the status happened. */
    private static final Set<String> ESTIMATES = Set.of("AG", "X2", "B6", "C1");
    private static final String NORMAL_STATUS = "NS";

    private X12StatusMapper() {
    }

    static void map(List<Segment> segments, Segment group, MappedDocument.Builder document) {
        Segment header = segments.get(0);
        Segment b10 = first(segments, "B10");
        if (b10 == null) {
            throw new X12Mapper.EntryException(header, null, "transaction set " + header.element(2)
                    + " has no B10 segment", "send B10 with the carrier reference, shipment id and SCAC");
        }
        String tracking = b10.element(1) != null ? b10.element(1) : b10.element(2);
        String carrier = X12Mapper.carrier(b10.element(3));
        if (tracking == null || carrier == null) {
            throw new X12Mapper.EntryException(b10, tracking, "B10 of transaction set " + header.element(2)
                    + " lacks the carrier reference (B10-01 or B10-02) or the SCAC (B10-03)",
                    "send B10 with the carrier reference and SCAC");
        }
        List<String> references = new ArrayList<>();
        references.add(b10.element(2));
        SourceEventIds ids = new SourceEventIds(X12Mapper.PARTNER, carrier + ":" + tracking);
        boolean inStatusLoop = false;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if ("LX".equals(segment.tag())) {
                inStatusLoop = true;
            } else if ("L11".equals(segment.tag()) && !inStatusLoop) {
                references.add(segment.element(1));
            } else if ("AT7".equals(segment.tag())) {
                Segment ms1 = following(segments, i, "MS1");
                try {
                    document.milestone(milestone(segment, ms1, group, carrier, tracking, references, ids));
                } catch (DateTimeParseException e) {
                    document.problem(EntryProblem.invalid(segment.toString(), tracking, "AT7 date " + segment.element(5)
                            + " and time " + segment.element(6) + " are not CCYYMMDD and HHMM",
                            "send AT7-05 as CCYYMMDD and AT7-06 as HHMM or HHMMSS"));
                }
            }
        }
    }

    private static io.waybill.adapters.PartnerMilestone milestone(Segment at7, Segment ms1, Segment group,
                                                                   String carrier, String tracking,
                                                                   List<String> references, SourceEventIds ids) {
        String status = at7.element(1);
        String reason = at7.element(2);
        String appointment = at7.element(3);
        Location location = location(ms1);
        boolean estimate = status != null && ESTIMATES.contains(status);
        PartnerTime statusTime = EdiTimes.x12(at7.element(5), at7.element(6), at7.element(7), location);
        PartnerTime time = estimate && group != null
                ? EdiTimes.x12(group.element(4), group.element(5), at7.element(7), location)
                : statusTime;
        String raw = status != null ? status : "appointment:" + appointment;
        CodeMapping.Mapped mapped = status != null ? STATUSES.lookup(status)
                : new CodeMapping.Mapped(MilestoneCode.UNKNOWN, null, appointment != null);
        MilestoneDraft draft = new MilestoneDraft(X12Mapper.PARTNER)
                .carrier(carrier)
                .trackingNumber(tracking)
                .code(raw, mapped)
                .time(time)
                .location(location)
                .position(at7.toString());
        references.forEach(draft::reference);
        if (estimate) {
            draft.estimatedDelivery(statusTime.occurredAt())
                    .description("estimate " + status + " for " + statusTime.localText());
        }
        if (reason != null && !NORMAL_STATUS.equals(reason)) {
            ReasonCode canonical = REASONS.lookup(reason);
            draft.reason(reason, canonical == null ? ReasonCode.UNKNOWN : canonical, canonical != null);
        } else if (mapped.reason() != null) {
            draft.reason(status, mapped.reason(), true);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            draft.proofOfDelivery(new ProofOfDelivery(null, null, location == null ? null : location.point(), null));
        }
        return draft.build(ids.next(raw, reason, at7.element(5), at7.element(6), at7.element(7),
                ms1 == null ? null : String.join("|", String.valueOf(ms1.element(1)), String.valueOf(ms1.element(4)))));
    }

    /**
     * Reads MS1: city, state and country (01 to 03), or longitude and latitude in degrees, minutes
     * and seconds (04 DDDMMSS, 05 DDMMSS or DDDMMSS, 06 E/W, 07 N/S).
     */
    private static Location location(Segment ms1) {
        if (ms1 == null) {
            return null;
        }
        GeoPoint point = null;
        if (ms1.element(4) != null && ms1.element(5) != null) {
            BigDecimal longitude = degrees(ms1.element(4), "W".equals(ms1.element(6)));
            BigDecimal latitude = degrees(ms1.element(5), "S".equals(ms1.element(7)));
            point = longitude == null || latitude == null ? null : new GeoPoint(latitude, longitude);
        }
        String country = ms1.element(3) == null ? null : Zones.normaliseCountry(ms1.element(3));
        return new Location(null, ms1.element(1), ms1.element(2), null,
                country == null && ms1.element(2) != null ? "US" : country, point);
    }

    private static BigDecimal degrees(String dddmmss, boolean negative) {
        if (!dddmmss.matches("\\d{6,7}")) {
            return null;
        }
        String padded = dddmmss.length() == 6 ? "0" + dddmmss : dddmmss;
        BigDecimal value = new BigDecimal(padded.substring(0, 3))
                .add(new BigDecimal(padded.substring(3, 5)).divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP))
                .add(new BigDecimal(padded.substring(5, 7)).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP))
                .setScale(5, RoundingMode.HALF_UP);
        return negative ? value.negate() : value;
    }

    private static Segment first(List<Segment> segments, String tag) {
        return segments.stream().filter(segment -> tag.equals(segment.tag())).findFirst().orElse(null);
    }

    /** The first segment with this tag after position {@code index}, before the next AT7 or LX. */
    private static Segment following(List<Segment> segments, int index, String tag) {
        for (int i = index + 1; i < segments.size(); i++) {
            String next = segments.get(i).tag();
            if (tag.equals(next)) {
                return segments.get(i);
            }
            if ("AT7".equals(next) || "LX".equals(next) || "SE".equals(next)) {
                return null;
            }
        }
        return null;
    }
}
