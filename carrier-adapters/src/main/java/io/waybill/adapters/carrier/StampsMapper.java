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
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Payloads;
import io.waybill.adapters.SourceEventIds;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Stamps.com {@code TrackShipmentResponse} SOAP responses for USPS parcels. The response does not
 * repeat the tracking number, so the caller passes it. Events come newest first with a local time
 * and a US address that gives the zone.
 */
public final class StampsMapper {

    public static final String PARTNER = "stamps";
    static final String FORMAT = "stamps-trackshipment";

    /** {@code TrackingEventType}. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("ElectronicNotification")
            .map("AcceptanceScan", MilestoneCode.PICKED_UP)
            .map("Enroute", MilestoneCode.IN_TRANSIT)
            .map("OutForDelivery", MilestoneCode.OUT_FOR_DELIVERY)
            .map("NoticeLeft", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("Delivered", MilestoneCode.DELIVERED);

    private StampsMapper() {
    }

    public static MappedDocument map(String body, String trackingNumber) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        Element response = child(root, "Body", "TrackShipmentResponse");
        if (response == null) {
            throw new MalformedPayloadException(FORMAT, "the body has no Body/TrackShipmentResponse", 1, 1, 0,
                    "send the Stamps.com SOAP response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return document.problem(EntryProblem.invalid("trackingNumber", null,
                    "Stamps.com responses do not name the tracking number", "pass it as ?trackingNumber=")).build();
        }
        List<Element> events = children(child(response, "TrackingEvents"), "TrackingEvent");
        SourceEventIds ids = new SourceEventIds(PARTNER, trackingNumber);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            Element event = events.get(e);
            String where = "TrackingEvents.TrackingEvent[" + e + "]";
            String type = text(event, "TrackingEventType");
            String timestamp = text(event, "Timestamp");
            Location location = new Location(null, text(event, "City"), text(event, "State"), text(event, "Zip"),
                    text(event, "Country"), null);
            try {
                CodeMapping.Mapped mapped = EVENTS.lookup(type);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier("usps")
                        .trackingNumber(trackingNumber)
                        .code(type, mapped)
                        .description(text(event, "Event"))
                        .time(PartnerTimes.isoWithOrWithoutOffset(timestamp, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(DeliveryPlaces.signer(text(event, "SignedBy")), null,
                            null, null));
                }
                milestones.add(draft.build(ids.next(type, timestamp, text(event, "Zip"))));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".Timestamp", trackingNumber, "Timestamp " + timestamp
                        + " is not an ISO 8601 time", "send the event as Stamps.com formats it"));
            }
        }
        return document.milestones(milestones).build();
    }
}
