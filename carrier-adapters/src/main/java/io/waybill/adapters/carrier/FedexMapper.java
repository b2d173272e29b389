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
import io.waybill.adapters.ReasonMapping;
import io.waybill.adapters.SourceEventIds;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * FedEx tracking responses: Web Services Track v7 {@code TrackReply} XML and the REST Track API
 * JSON ({@code output.completeTrackResults}). Events come newest first and carry an offset.
 * {@code TrackingNumberUniqueIdentifier} is kept as the partner reference, because FedEx reuses
 * tracking numbers and answers a duplicate with several track details.
 */
public final class FedexMapper {

    public static final String PARTNER = "fedex";
    static final String XML_FORMAT = "fedex-track-xml";
    static final String JSON_FORMAT = "fedex-track-json";

    /** {@code EventType}; DE is refined by the exception code below. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("OC")
            .map("PU", MilestoneCode.PICKED_UP)
            .map("IP", MilestoneCode.PICKED_UP)
            .map("AR", MilestoneCode.IN_TRANSIT)
            .map("AF", MilestoneCode.IN_TRANSIT)
            .map("DP", MilestoneCode.IN_TRANSIT)
            .map("IT", MilestoneCode.IN_TRANSIT)
            .map("PL", MilestoneCode.IN_TRANSIT)
            .map("AA", MilestoneCode.IN_TRANSIT)
            .map("EN", MilestoneCode.IN_TRANSIT)
            .map("LO", MilestoneCode.IN_TRANSIT)
            .map("CC", MilestoneCode.IN_TRANSIT)
            .map("CD", MilestoneCode.DELAYED, ReasonCode.CUSTOMS_HOLD)
            .map("DY", MilestoneCode.DELAYED)
            .map("DD", MilestoneCode.DELAYED)
            .map("OD", MilestoneCode.OUT_FOR_DELIVERY)
            .map("DL", MilestoneCode.DELIVERED)
            .map("HP", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("HL", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("RR", MilestoneCode.DELAYED, ReasonCode.RESCHEDULED_BY_RECIPIENT)
            .map("RS", MilestoneCode.RETURN_INITIATED)
            .map("CA", MilestoneCode.CANCELLED)
            .map("SE", MilestoneCode.EXCEPTION)
            .map("DE", MilestoneCode.EXCEPTION);

    /** Delivery-exception codes that say the attempt failed or the delivery was moved. */
    static final CodeMapping DELIVERY_EXCEPTIONS = new CodeMapping()
            .map("007", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("015", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("A13", MilestoneCode.DELAYED, ReasonCode.RESCHEDULED_BY_RECIPIENT);

    /** {@code delayDetail.type} of the JSON API. */
    static final ReasonMapping DELAY_TYPES = new ReasonMapping()
            .map("WEATHER", ReasonCode.WEATHER)
            .map("CUSTOMS", ReasonCode.CUSTOMS_HOLD)
            .map("OPERATIONAL", ReasonCode.CAPACITY);

    private FedexMapper() {
    }

    public static MappedDocument mapXml(String body) {
        Document xml = Payloads.xml(XML_FORMAT, body);
        Element root = xml.getDocumentElement();
        if (!"TrackReply".equals(root.getLocalName())) {
            throw new MalformedPayloadException(XML_FORMAT, "the root element is " + root.getLocalName()
                    + ", not TrackReply", 1, 1, 0, "send the FedEx Track reply unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(XML_FORMAT);
        List<Element> completed = children(root, "CompletedTrackDetails");
        for (int c = 0; c < completed.size(); c++) {
            List<Element> details = children(completed.get(c), "TrackDetails");
            for (int d = 0; d < details.size(); d++) {
                mapXmlDetail(details.get(d), "CompletedTrackDetails[" + c + "].TrackDetails[" + d + "]", document);
            }
        }
        return document.build();
    }

    private static void mapXmlDetail(Element detail, String position, MappedDocument.Builder document) {
        String number = text(detail, "TrackingNumber");
        if ("ERROR".equals(text(detail, "Notification", "Severity"))
                || "FAILURE".equals(text(detail, "Notification", "Severity"))) {
            document.problem(EntryProblem.partnerError(position, number, "FedEx returned "
                    + text(detail, "Notification", "Code") + ": " + text(detail, "Notification", "Message")));
            return;
        }
        List<String> references = new ArrayList<>();
        references.add(text(detail, "TrackingNumberUniqueIdentifier"));
        for (Element other : children(detail, "OtherIdentifiers")) {
            references.add(text(other, "PackageIdentifier", "Value"));
        }
        String signer = DeliveryPlaces.signer(text(detail, "DeliverySignatureName"));
        List<Element> events = children(detail, "Events");
        if (events.isEmpty()) {
            document.warning(position + " (" + number + ", " + text(detail, "TrackingNumberUniqueIdentifier")
                    + ") has no events; nothing to record");
            return;
        }
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            Element event = events.get(e);
            String where = position + ".Events[" + e + "]";
            Element address = child(event, "Address");
            Location location = address == null ? null : new Location(text(event, "ArrivalLocation"),
                    text(address, "City"), text(address, "StateOrProvinceCode"), text(address, "PostalCode"),
                    text(address, "CountryCode"), null);
            String timestamp = text(event, "Timestamp");
            PartnerTime time;
            try {
                time = PartnerTimes.isoWithOrWithoutOffset(timestamp, location);
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".Timestamp", number, "Timestamp " + timestamp
                        + " is not an ISO 8601 time", "send the event as FedEx formats it"));
                continue;
            }
            String type = text(event, "EventType");
            String exception = text(event, "StatusExceptionCode");
            MilestoneDraft draft = draft(number, references, type, exception,
                    text(event, "StatusExceptionDescription"), text(event, "EventDescription"), time, location,
                    where, signer, null);
            milestones.add(draft.build(ids.next(type, exception, timestamp, draft.description(),
                    location == null ? null : location.postalCode())));
        }
        document.milestones(milestones);
    }

    public static MappedDocument mapJson(String body) {
        JsonNode root = Payloads.json(JSON_FORMAT, body);
        JsonNode output = root.get("output");
        if (output == null || !output.has("completeTrackResults")) {
            throw new MalformedPayloadException(JSON_FORMAT, "the body has no output.completeTrackResults", 1, 1, 0,
                    "send the FedEx Track API response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(JSON_FORMAT);
        List<JsonNode> complete = array(output, "completeTrackResults");
        for (int c = 0; c < complete.size(); c++) {
            List<JsonNode> results = array(complete.get(c), "trackResults");
            for (int r = 0; r < results.size(); r++) {
                mapJsonResult(complete.get(c), results.get(r),
                        "output.completeTrackResults[" + c + "].trackResults[" + r + "]", document);
            }
        }
        return document.build();
    }

    private static void mapJsonResult(JsonNode complete, JsonNode result, String position,
                                      MappedDocument.Builder document) {
        String number = text(complete, "trackingNumber") != null ? text(complete, "trackingNumber")
                : text(result, "trackingNumberInfo", "trackingNumber");
        List<JsonNode> events = array(result, "scanEvents");
        if (result.hasNonNull("error")) {
            String message = "FedEx returned " + text(result, "error", "code") + ": " + text(result, "error", "message");
            if (events.isEmpty()) {
                document.problem(EntryProblem.partnerError(position, number, message));
                return;
            }
            document.warning(position + ": " + message + " (its scan events are recorded)");
        }
        List<String> references = new ArrayList<>();
        references.add(text(result, "trackingNumberInfo", "trackingNumberUniqueId"));
        array(result.path("additionalTrackingInfo"), "packageIdentifiers")
                .forEach(identifier -> references.add(text(identifier, "value")));
        JsonNode delivery = result.path("deliveryDetails");
        String signer = DeliveryPlaces.signer(text(delivery, "signedByName") != null
                ? text(delivery, "signedByName") : text(delivery, "receivedByName"));
        String placeText = text(delivery, "locationDescription");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            JsonNode event = events.get(e);
            String where = position + ".scanEvents[" + e + "]";
            JsonNode scan = event.path("scanLocation");
            Location location = new Location(text(event, "locationType"), text(scan, "city"),
                    text(scan, "stateOrProvinceCode"), text(scan, "postalCode"), text(scan, "countryCode"), null);
            String date = text(event, "date");
            PartnerTime time;
            try {
                time = PartnerTimes.isoWithOrWithoutOffset(date, location);
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".date", number, "date " + date
                        + " is not an ISO 8601 time", "send the scan event as FedEx formats it"));
                continue;
            }
            String type = text(event, "eventType");
            String exception = text(event, "exceptionCode");
            MilestoneDraft draft = draft(number, references, type, exception, text(event, "exceptionDescription"),
                    text(event, "eventDescription"), time, location, where, signer, placeText);
            String delay = text(event, "delayDetail", "type");
            if ("DELAYED".equals(text(event, "delayDetail", "status")) && delay != null) {
                ReasonCode reason = DELAY_TYPES.lookup(delay);
                String subType = text(event, "delayDetail", "subType");
                draft.reason(delay + (subType == null ? "" : "/" + subType),
                        reason == null ? ReasonCode.UNKNOWN : reason, reason != null);
            }
            milestones.add(draft.build(ids.next(type, exception, date, draft.description(), location.postalCode())));
        }
        document.milestones(milestones);
    }

    private static MilestoneDraft draft(String number, List<String> references, String type, String exception,
                                        String exceptionText, String description, PartnerTime time,
                                        Location location, String position, String signer, String placeText) {
        CodeMapping.Mapped mapped = EVENTS.lookup(type);
        boolean deliveryException = "DE".equals(type) && DELIVERY_EXCEPTIONS.contains(exception);
        if (deliveryException) {
            mapped = DELIVERY_EXCEPTIONS.lookup(exception);
        }
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(PARTNER)
                .trackingNumber(number)
                .code(type, mapped)
                .description(exceptionText == null ? description : description + ": " + exceptionText)
                .time(time)
                .location(location)
                .position(position);
        references.forEach(draft::reference);
        if (exception != null && (deliveryException || mapped.code() == MilestoneCode.EXCEPTION)) {
            draft.reason(exception + " " + exceptionText, mapped.reason() == null ? ReasonCode.UNKNOWN : mapped.reason(),
                    deliveryException);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            String place = exceptionText != null ? exceptionText : placeText;
            draft.proofOfDelivery(new ProofOfDelivery(signer, null, null, DeliveryPlaces.fromText(place)));
        }
        return draft;
    }
}
