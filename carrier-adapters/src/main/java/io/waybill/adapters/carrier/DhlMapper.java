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
import java.time.format.DateTimeParseException;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * DHL Express XML-PI {@code TrackingResponse}. Events come oldest first with a local date and
 * time and a service area described as "City - Country"; the country gives the zone.
 */
public final class DhlMapper {

    public static final String PARTNER = "dhl";
    static final String FORMAT = "dhl-xmlpi-tracking";

    /** {@code ServiceEvent/EventCode}. */
    static final CodeMapping EVENTS = new CodeMapping()
            .map("PU", MilestoneCode.PICKED_UP)
            .map("PO", MilestoneCode.IN_TRANSIT)
            .map("PL", MilestoneCode.IN_TRANSIT)
            .map("AF", MilestoneCode.IN_TRANSIT)
            .map("DF", MilestoneCode.IN_TRANSIT)
            .map("AR", MilestoneCode.IN_TRANSIT)
            .map("CC", MilestoneCode.IN_TRANSIT)
            .map("TR", MilestoneCode.IN_TRANSIT)
            .map("WC", MilestoneCode.OUT_FOR_DELIVERY)
            .map("OK", MilestoneCode.DELIVERED)
            .map("NH", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("CA", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.BUSINESS_CLOSED)
            .map("BA", MilestoneCode.DELIVERY_ATTEMPT_FAILED, ReasonCode.ADDRESS_INCORRECT)
            .map("MS", MilestoneCode.DELAYED, ReasonCode.MISSED_CONNECTION)
            .map("RT", MilestoneCode.RETURN_INITIATED)
            .map("OH", MilestoneCode.EXCEPTION);

    private static final String DELIVERED = "OK";

    private DhlMapper() {
    }

    public static MappedDocument map(String body) {
        Document xml = Payloads.xml(FORMAT, body);
        Element root = xml.getDocumentElement();
        if (!"TrackingResponse".equals(root.getLocalName())) {
            throw new MalformedPayloadException(FORMAT, "the root element is " + root.getLocalName()
                    + ", not TrackingResponse", 1, 1, 0, "send the DHL XML-PI TrackingResponse unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        List<Element> awbs = children(root, "AWBInfo");
        for (int a = 0; a < awbs.size(); a++) {
            mapAwb(awbs.get(a), "AWBInfo[" + a + "]", document);
        }
        return document.build();
    }

    private static void mapAwb(Element awb, String position, MappedDocument.Builder document) {
        String number = text(awb, "AWBNumber");
        String status = text(awb, "Status", "ActionStatus");
        if (status != null && !"success".equalsIgnoreCase(status)) {
            document.problem(EntryProblem.partnerError(position, number, "DHL returned " + status));
            return;
        }
        Element info = child(awb, "ShipmentInfo");
        List<Element> events = children(info, "ShipmentEvent");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        for (int e = 0; e < events.size(); e++) {
            Element event = events.get(e);
            String where = position + ".ShipmentInfo.ShipmentEvent[" + e + "]";
            Location location = serviceArea(child(event, "ServiceArea"));
            String date = text(event, "Date");
            String time = text(event, "Time");
            PartnerTime partnerTime;
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time));
                partnerTime = PartnerTimes.local(local, date + "T" + time, location);
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".Date", number, "Date " + date + " and Time " + time
                        + " are not an ISO date and time", "send the event as DHL formats it"));
                continue;
            }
            String code = text(event, "ServiceEvent", "EventCode");
            CodeMapping.Mapped mapped = EVENTS.lookup(code);
            MilestoneDraft draft = new MilestoneDraft(PARTNER)
                    .carrier(PARTNER)
                    .trackingNumber(number)
                    .reference(text(info, "ShipperReference", "ReferenceID"))
                    .code(code, mapped)
                    .description(text(event, "ServiceEvent", "Description"))
                    .time(partnerTime)
                    .location(location)
                    .position(where);
            if (mapped.reason() != null) {
                draft.reason(code, mapped.reason(), true);
            }
            if (DELIVERED.equals(code)) {
                draft.proofOfDelivery(new ProofOfDelivery(DeliveryPlaces.signer(text(event, "Signatory")), null, null,
                        null));
            }
            document.milestone(draft.build(ids.next(code, date, time, location == null ? null : location.facility())));
        }
    }

    /** Reads "Barcelona - Spain" with its area code into a location whose country gives the zone. */
    private static Location serviceArea(Element area) {
        if (area == null) {
            return null;
        }
        String description = text(area, "Description");
        String city = description;
        String country = null;
        if (description != null && description.contains(" - ")) {
            int split = description.lastIndexOf(" - ");
            city = description.substring(0, split).trim();
            country = Zones.normaliseCountry(description.substring(split + 3).trim());
        }
        return new Location(text(area, "ServiceAreaCode"), city, null, null, country, null);
    }
}
