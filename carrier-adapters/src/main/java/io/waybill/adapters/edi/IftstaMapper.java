package io.waybill.adapters.edi;

import io.waybill.adapters.Carriers;
import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerTime;
import io.waybill.adapters.ReasonMapping;
import io.waybill.adapters.SourceEventIds;
import io.waybill.adapters.Zones;
import io.waybill.adapters.edi.EdiReader.Interchange;
import io.waybill.adapters.edi.EdiReader.Segment;
import io.waybill.adapters.edi.EdiReader.Standard;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ReasonCode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * UN/EDIFACT IFTSTA (international multimodal status report) interchanges. Each UNH message
 * describes one consignment (CNI, whose number is the tracking number); each STS in it is one
 * status with the RFF, DTM and LOC that follow it. The carrier is the one named by the caller,
 * else the NAD+CA party, else the interchange sender.
 */
public final class IftstaMapper {

    public static final String PARTNER = "edifact";
    static final String FORMAT = "edifact-iftsta";

    /**
     * STS event codes of code list 87 (carrier-assigned), as the Posten/Bring BIG07 profile uses
     * them; other carriers' lists need rows of their own.
     */
    static final CodeMapping EVENTS = new CodeMapping()
            .map("I", MilestoneCode.DELIVERED)
            .map("Q", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("S", MilestoneCode.IN_TRANSIT)
            .map("V", MilestoneCode.EXCEPTION);

    /** STS reason codes of the same list. */
    static final ReasonMapping REASONS = new ReasonMapping()
            .map("99", ReasonCode.UNKNOWN)
            .map("Z", ReasonCode.UNKNOWN);

    /** DTM qualifiers that give when a status happened (78, 334 status change, 7 effective). */
    private static final List<String> EVENT_TIMES = List.of("78", "334", "7");

    private IftstaMapper() {
    }

    public static MappedDocument map(String body, String carrierName) {
        Interchange interchange = EdiReader.read(FORMAT, body);
        if (interchange.standard() != Standard.EDIFACT) {
            throw new MalformedPayloadException(FORMAT, "the interchange is X12, not EDIFACT", 1, 1, 1,
                    "send X12 interchanges to /api/v1/partners/edi/x12");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        interchange.warnings().forEach(warning -> document.warning("envelope: " + warning));
        String sender = interchange.segments().stream().filter(segment -> "UNB".equals(segment.tag()))
                .map(segment -> segment.component(2, 1)).findFirst().orElse(null);
        List<Segment> message = null;
        for (Segment segment : interchange.segments()) {
            if ("UNH".equals(segment.tag())) {
                message = new ArrayList<>(List.of(segment));
            } else if ("UNT".equals(segment.tag()) && message != null) {
                mapMessage(message, carrierName != null ? carrierName : sender, document);
                message = null;
            } else if (message != null) {
                message.add(segment);
            }
        }
        return document.build();
    }

    private static void mapMessage(List<Segment> message, String defaultCarrier, MappedDocument.Builder document) {
        Segment header = message.get(0);
        if (!"IFTSTA".equals(header.component(2, 1))) {
            document.problem(new EntryProblem(header.toString(), null, "unsupported-message",
                    "message " + header.element(1) + " is " + header.component(2, 1) + ", not IFTSTA",
                    "send IFTSTA status reports here"));
            return;
        }
        String carrier = defaultCarrier;
        String tracking = null;
        List<String> references = new ArrayList<>();
        for (Segment segment : message) {
            switch (segment.tag()) {
                case "BGM" -> references.add(segment.element(2));
                case "NAD" -> {
                    if ("CA".equals(segment.element(1)) && segment.component(2, 1) != null) {
                        carrier = segment.component(2, 1);
                    }
                }
                case "CNI" -> tracking = segment.component(2, 1);
                default -> {
                    // Status groups are read below.
                }
            }
        }
        if (tracking == null || Carriers.normalise(carrier) == null) {
            document.problem(EntryProblem.invalid(header.toString(), tracking, "message " + header.element(1)
                    + " names no consignment (CNI) or no carrier", "send CNI with the consignment number, and name "
                    + "the carrier with ?carrier= or NAD+CA"));
            return;
        }
        SourceEventIds ids = new SourceEventIds(PARTNER, Carriers.normalise(carrier) + ":" + tracking);
        for (int i = 0; i < message.size(); i++) {
            if ("STS".equals(message.get(i).tag())) {
                mapStatus(message, i, carrier, tracking, references, ids, document);
            }
        }
    }

    private static void mapStatus(List<Segment> message, int index, String carrier, String tracking,
                                  List<String> references, SourceEventIds ids, MappedDocument.Builder document) {
        Segment sts = message.get(index);
        Segment dtm = null;
        Segment loc = null;
        List<String> statusReferences = new ArrayList<>(references);
        for (int i = index + 1; i < message.size() && !"STS".equals(message.get(i).tag()); i++) {
            Segment segment = message.get(i);
            if ("DTM".equals(segment.tag()) && EVENT_TIMES.contains(segment.component(1, 1)) && dtm == null) {
                dtm = segment;
            } else if ("LOC".equals(segment.tag()) && loc == null) {
                loc = segment;
            } else if ("RFF".equals(segment.tag())) {
                statusReferences.add(segment.component(1, 2));
            } else if ("PCI".equals(segment.tag())) {
                statusReferences.add(segment.element(2));
            }
        }
        Location location = loc == null ? null : new Location(null, loc.component(2, 4), null,
                loc.component(2, 1), Zones.normaliseCountry(loc.component(3, 1)), null);
        if (dtm == null) {
            document.problem(EntryProblem.invalid(sts.toString(), tracking, "the status has no event time (DTM 78, 334 "
                    + "or 7)", "send a DTM with the time of the status"));
            return;
        }
        PartnerTime time;
        try {
            time = EdiTimes.edifact(dtm.component(1, 2), dtm.component(1, 3), location);
        } catch (DateTimeParseException e) {
            document.problem(EntryProblem.invalid(dtm.toString(), tracking, "DTM value " + dtm.component(1, 2)
                    + " does not match format " + dtm.component(1, 3), "send the time as CCYYMMDDHHMM with format 203"));
            return;
        }
        String code = sts.component(2, 1);
        CodeMapping.Mapped mapped = EVENTS.lookup(code);
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(carrier)
                .trackingNumber(tracking)
                .code(code, mapped)
                .description(sts.component(2, 4))
                .time(time)
                .location(location)
                .position(sts.toString());
        statusReferences.forEach(draft::reference);
        String reason = sts.component(3, 1);
        if (reason != null) {
            ReasonCode canonical = REASONS.lookup(reason);
            String reasonText = sts.component(3, 4);
            draft.reason(reason + (reasonText == null ? "" : " " + reasonText),
                    canonical == null ? ReasonCode.UNKNOWN : canonical, canonical != null);
        }
        document.milestone(draft.build(ids.next(code, dtm.component(1, 2), reason,
                location == null ? null : location.postalCode())));
    }
}
