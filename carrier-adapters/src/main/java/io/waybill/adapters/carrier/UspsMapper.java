package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.array;
import static io.waybill.adapters.Payloads.child;
import static io.waybill.adapters.Payloads.children;
import static io.waybill.adapters.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.waybill.adapters.TimeBasis;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * USPS tracking responses: the Web Tools {@code TrackResponse} XML (TrackFieldRequest, with
 * TrackSummary and TrackDetail events, newest first, local times such as "April 28, 2015" "9:01
 * am") and the Tracking API v3 JSON, whose events carry {@code GMTTimestamp} and {@code GMTOffset}.
 */
public final class UspsMapper {

    public static final String PARTNER = "usps";
    static final String XML_FORMAT = "usps-track-xml";
    static final String JSON_FORMAT = "usps-track-json";

    /** USPS event codes. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("GX")
            .annotation("MA")
            .map("03", MilestoneCode.PICKED_UP)
            .map("OA", MilestoneCode.PICKED_UP)
            .map("10", MilestoneCode.IN_TRANSIT)
            .map("EF", MilestoneCode.IN_TRANSIT)
            .map("PC", MilestoneCode.IN_TRANSIT)
            .map("07", MilestoneCode.IN_TRANSIT)
            .map("SF", MilestoneCode.IN_TRANSIT)
            .map("A1", MilestoneCode.IN_TRANSIT)
            .map("T1", MilestoneCode.IN_TRANSIT)
            .map("TL", MilestoneCode.IN_TRANSIT)
            .map("OF", MilestoneCode.OUT_FOR_DELIVERY)
            .map("01", MilestoneCode.DELIVERED)
            .map("17", MilestoneCode.DELIVERED)
            .map("02", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("04", MilestoneCode.EXCEPTION, ReasonCode.REFUSED_BY_RECIPIENT)
            .map("05", MilestoneCode.EXCEPTION, ReasonCode.ADDRESS_INCORRECT)
            .map("08", MilestoneCode.DELAYED, ReasonCode.MISSED_CONNECTION)
            .map("09", MilestoneCode.RETURN_INITIATED)
            .map("16", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("21", MilestoneCode.EXCEPTION, ReasonCode.ADDRESS_INCORRECT)
            .map("22", MilestoneCode.EXCEPTION, ReasonCode.ADDRESS_INCOMPLETE)
            .map("44", MilestoneCode.CANCELLED);

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMMM d, yyyy h:mm a").toFormatter(Locale.US);

    private UspsMapper() {
    }

    public static MappedDocument mapXml(String body) {
        Document xml = Payloads.xml(XML_FORMAT, body);
        Element root = xml.getDocumentElement();
        if (!"TrackResponse".equals(root.getLocalName())) {
            throw new MalformedPayloadException(XML_FORMAT, "the root element is " + root.getLocalName()
                    + ", not TrackResponse", 1, 1, 0, "send the USPS TrackResponse unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(XML_FORMAT);
        List<Element> infos = children(root, "TrackInfo");
        for (int i = 0; i < infos.size(); i++) {
            mapTrackInfo(infos.get(i), "TrackInfo[" + i + "]", document);
        }
        return document.build();
    }

    private static void mapTrackInfo(Element info, String position, MappedDocument.Builder document) {
        String number = info.getAttribute("ID");
        if (child(info, "Error") != null) {
            document.problem(EntryProblem.partnerError(position, number, "USPS returned "
                    + text(info, "Error", "Number") + ": " + text(info, "Error", "Description")));
            return;
        }
        List<Element> events = new ArrayList<>(children(info, "TrackDetail"));
        Element summary = child(info, "TrackSummary");
        if (summary != null) {
            events.add(0, summary);
        }
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            Element event = events.get(e);
            String where = position + (e == 0 && summary != null ? ".TrackSummary"
                    : ".TrackDetail[" + (summary != null ? e - 1 : e) + "]");
            Location location = new Location(null, text(event, "EventCity"), text(event, "EventState"),
                    text(event, "EventZIPCode"), text(event, "EventCountry") == null ? "US" : text(event, "EventCountry"),
                    null);
            String date = text(event, "EventDate");
            String time = text(event, "EventTime");
            PartnerTime partnerTime;
            try {
                String localText = date + " " + time;
                partnerTime = PartnerTimes.local(LocalDateTime.parse(localText, LOCAL), localText, location);
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".EventTime", number, "EventDate " + date
                        + " and EventTime " + time + " are not a date and time such as April 28, 2015 9:01 am",
                        "send the event with its date and time"));
                continue;
            }
            String code = text(event, "EventCode");
            String description = text(event, "Event");
            MilestoneDraft draft = draft(number, code, description, partnerTime, location, where,
                    text(event, "Name"));
            milestones.add(draft.build(ids.next(code, date, time, description, location.postalCode())));
        }
        document.milestones(milestones);
    }

    public static MappedDocument mapJson(String body) {
        JsonNode root = Payloads.json(JSON_FORMAT, body);
        String number = text(root, "trackingNumber");
        if (number == null || !root.has("trackingEvents")) {
            throw new MalformedPayloadException(JSON_FORMAT, "the body has no trackingNumber and trackingEvents", 1, 1,
                    0, "send the USPS Tracking API response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(JSON_FORMAT);
        List<JsonNode> events = array(root, "trackingEvents");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            JsonNode event = events.get(e);
            String where = "trackingEvents[" + e + "]";
            Location location = new Location(null, text(event, "eventCity"), text(event, "eventState"),
                    text(event, "eventZIP"), text(event, "eventCountry") == null ? "US" : text(event, "eventCountry"),
                    null);
            PartnerTime time;
            try {
                time = jsonTime(event, location);
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".GMTTimestamp", number, "GMTTimestamp "
                        + text(event, "GMTTimestamp") + " and eventTimestamp " + text(event, "eventTimestamp")
                        + " are not ISO 8601 times", "send the event as USPS formats it"));
                continue;
            }
            String code = text(event, "eventCode");
            String description = text(event, "eventType");
            MilestoneDraft draft = draft(number, code, description, time, location, where, text(event, "name"));
            milestones.add(draft.build(ids.next(code, text(event, "eventTimestamp"), description,
                    text(event, "eventCity"))));
        }
        return document.milestones(milestones).build();
    }

    private static PartnerTime jsonTime(JsonNode event, Location location) {
        String gmt = text(event, "GMTTimestamp");
        String local = text(event, "eventTimestamp");
        if (gmt != null) {
            return new PartnerTime(Instant.parse(gmt), local, text(event, "GMTOffset"),
                    text(event, "GMTOffset") == null ? TimeBasis.UTC_GIVEN : TimeBasis.OFFSET_GIVEN);
        }
        return PartnerTimes.isoWithOrWithoutOffset(local, location);
    }

    private static MilestoneDraft draft(String number, String code, String description, PartnerTime time,
                                        Location location, String position, String name) {
        CodeMapping.Mapped mapped = EVENTS.lookup(code);
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(PARTNER)
                .trackingNumber(number)
                .code(code, mapped)
                .description(description)
                .time(time)
                .location(location)
                .position(position);
        if (mapped.reason() != null) {
            draft.reason(code, mapped.reason(), true);
        } else if (mapped.code() == MilestoneCode.EXCEPTION) {
            draft.reason(code, ReasonCode.UNKNOWN, false);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            draft.proofOfDelivery(new ProofOfDelivery(DeliveryPlaces.signer(name), null, null,
                    DeliveryPlaces.fromText(description)));
        }
        return draft;
    }
}
