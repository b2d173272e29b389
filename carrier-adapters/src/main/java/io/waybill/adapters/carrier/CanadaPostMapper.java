package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.child;
import static io.waybill.adapters.Payloads.children;
import static io.waybill.adapters.Payloads.text;

import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.DeliveryPlaces;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.PartnerTime;
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Payloads;
import io.waybill.adapters.SourceEventIds;
import io.waybill.adapters.Zones;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Canada Post web services {@code tracking-detail} (English or French). Occurrences come newest
 * first with a zone abbreviation (EST, PST, ...). A "signature image recorded" occurrence (20)
 * carries the signer of the delivery at the same date, time and site; its name goes into that
 * delivery's proof of delivery.
 */
public final class CanadaPostMapper {

    public static final String PARTNER = "canadapost";
    static final String FORMAT = "canadapost-tracking-detail";

    /** {@code event-identifier}. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("3000")
            .annotation("20")
            .map("2300", MilestoneCode.PICKED_UP)
            .map("0100", MilestoneCode.IN_TRANSIT)
            .map("0173", MilestoneCode.DELAYED, ReasonCode.ADDRESS_INCORRECT)
            .map("0174", MilestoneCode.OUT_FOR_DELIVERY)
            .map("0500", MilestoneCode.OUT_FOR_DELIVERY)
            .map("1496", MilestoneCode.DELIVERED);

    private static final String SIGNATURE_EVENT = "20";

    private CanadaPostMapper() {
    }

    public static MappedDocument map(String body) {
        Document xml = Payloads.xml(FORMAT, body);
        Element root = xml.getDocumentElement();
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        if ("messages".equals(root.getLocalName())) {
            for (Element message : children(root, "message")) {
                document.problem(EntryProblem.partnerError("messages", null, "Canada Post returned "
                        + text(message, "code") + ": " + text(message, "description")));
            }
            return document.build();
        }
        if (!"tracking-detail".equals(root.getLocalName())) {
            throw new MalformedPayloadException(FORMAT, "the root element is " + root.getLocalName()
                    + ", not tracking-detail", 1, 1, 0, "send the Canada Post tracking-detail response unchanged");
        }
        String pin = text(root, "pin");
        List<Element> occurrences = children(child(root, "significant-events"), "occurrence");
        SourceEventIds ids = new SourceEventIds(PARTNER, pin);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int o = occurrences.size() - 1; o >= 0; o--) {
            Element occurrence = occurrences.get(o);
            String where = "significant-events.occurrence[" + o + "]";
            Location location = new Location(text(occurrence, "event-retail-name"), text(occurrence, "event-site"),
                    text(occurrence, "event-province"), null, "CA", null);
            String date = text(occurrence, "event-date");
            String time = text(occurrence, "event-time");
            String zoneCode = text(occurrence, "event-time-zone");
            PartnerTime partnerTime;
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time));
                ZoneId zone = Zones.forCode(zoneCode);
                String localText = date + "T" + time + (zoneCode == null ? "" : " " + zoneCode);
                partnerTime = zone != null ? PartnerTimes.inZone(local, localText, zone)
                        : PartnerTimes.local(local, localText, location);
            } catch (DateTimeParseException | NullPointerException e) {
                document.problem(EntryProblem.invalid(where + ".event-date", pin, "event-date " + date
                        + " and event-time " + time + " are not an ISO date and time",
                        "send the occurrence as Canada Post formats it"));
                continue;
            }
            String code = text(occurrence, "event-identifier");
            CodeMapping.Mapped mapped = EVENTS.lookup(code);
            MilestoneDraft draft = new MilestoneDraft(PARTNER)
                    .carrier(PARTNER)
                    .trackingNumber(pin)
                    .reference(text(root, "customer-ref-1"))
                    .reference(text(root, "customer-ref-2"))
                    .code(code, mapped)
                    .description(text(occurrence, "event-description"))
                    .time(partnerTime)
                    .location(location)
                    .position(where);
            if (mapped.reason() != null) {
                draft.reason(code, mapped.reason(), true);
            }
            if (mapped.code() == MilestoneCode.DELIVERED) {
                draft.proofOfDelivery(new ProofOfDelivery(signerOf(occurrence, occurrences), null, null,
                        DeliveryPlaces.fromText(text(occurrence, "event-description"))));
            }
            milestones.add(draft.build(ids.next(code, date, time, zoneCode, text(occurrence, "event-site"))));
        }
        return document.milestones(milestones).build();
    }

    private static String signerOf(Element delivery, List<Element> occurrences) {
        String own = DeliveryPlaces.signer(text(delivery, "signatory-name"));
        if (own != null) {
            return own;
        }
        for (Element other : occurrences) {
            boolean signature = SIGNATURE_EVENT.equals(text(other, "event-identifier"));
            if (signature && same(delivery, other, "event-date") && same(delivery, other, "event-time")
                    && same(delivery, other, "event-site")) {
                return DeliveryPlaces.signer(text(other, "signatory-name"));
            }
        }
        return null;
    }

    private static boolean same(Element a, Element b, String field) {
        String left = text(a, field);
        return left != null && left.equals(text(b, field));
    }
}
