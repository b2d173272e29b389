package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.child;
import static io.waybill.adapters.Payloads.children;
import static io.waybill.adapters.Payloads.text;

import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Payloads;
import io.waybill.adapters.SourceEventIds;
import io.waybill.adapters.Zones;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * DPD ParcelLifeCycle {@code getTrackingDataResponse} SOAP responses. The response does not repeat
 * the parcel number, so the caller passes it. Each reached {@code statusInfo} is one event, oldest
 * first, with a local US-style time and a location "City (CC)" whose country gives the zone.
 */
public final class DpdMapper {

    public static final String PARTNER = "dpd";
    static final String FORMAT = "dpd-parcellifecycle";

    /** {@code statusInfo/status}. */
    static final CodeMapping STATUSES = new CodeMapping()
            .annotation("Accepted")
            .map("PickedUp", MilestoneCode.PICKED_UP)
            .map("BetweenDepots", MilestoneCode.IN_TRANSIT)
            .map("Depot", MilestoneCode.IN_TRANSIT)
            .map("Courier", MilestoneCode.OUT_FOR_DELIVERY)
            .map("DeliveryFailure", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("ReturningFromDelivery", MilestoneCode.DELAYED)
            .map("ParcelShop", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("Delivered", MilestoneCode.DELIVERED);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private DpdMapper() {
    }

    public static MappedDocument map(String body, String parcelNumber) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        Element result = child(root, "Body", "getTrackingDataResponse", "trackingresult");
        if (result == null) {
            throw new MalformedPayloadException(FORMAT, "the body has no Body/getTrackingDataResponse/trackingresult",
                    1, 1, 0, "send the DPD SOAP response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        if (parcelNumber == null || parcelNumber.isBlank()) {
            return document.problem(EntryProblem.invalid("trackingNumber", null, "DPD responses do not name the parcel",
                    "pass the parcel number as ?trackingNumber=")).build();
        }
        List<Element> statuses = children(result, "statusInfo");
        SourceEventIds ids = new SourceEventIds(PARTNER, parcelNumber);
        for (int s = 0; s < statuses.size(); s++) {
            Element status = statuses.get(s);
            if (!"true".equals(text(status, "statusHasBeenReached")) || text(status, "date", "content") == null) {
                continue;
            }
            String where = "trackingresult.statusInfo[" + s + "]";
            String code = text(status, "status");
            String date = text(status, "date", "content");
            Location location = location(text(status, "location", "content"));
            try {
                String description = text(status, "description", "content", "content");
                CodeMapping.Mapped mapped = STATUSES.lookup(code);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(parcelNumber)
                        .code(code, mapped)
                        .description(description)
                        .time(PartnerTimes.local(LocalDateTime.parse(date, TIME), date, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(null, null, null, null));
                }
                document.milestone(draft.build(ids.next(code, date, text(status, "location", "content"))));
            } catch (DateTimeParseException ex) {
                document.problem(EntryProblem.invalid(where + ".date", parcelNumber, "date " + date
                        + " is not a time such as 8/17/2021 7:11:26 PM", "send the status as DPD formats it"));
            }
        }
        return document.build();
    }

    /** Reads "Puurs (BE)" into city and country. */
    private static Location location(String text) {
        if (text == null) {
            return null;
        }
        int open = text.lastIndexOf('(');
        if (open > 0 && text.endsWith(")")) {
            return new Location(null, text.substring(0, open).trim(), null, null,
                    Zones.normaliseCountry(text.substring(open + 1, text.length() - 1)), null);
        }
        return new Location(text, null, null, null, null, null);
    }
}
