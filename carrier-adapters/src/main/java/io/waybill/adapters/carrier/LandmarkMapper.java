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
 * Landmark Global {@code TrackResponse}. Events come oldest first with a local time in one of two
 * layouts and a location "City, Region[, Country]". A location without a country, or whose
 * country has several zones and no known region, leaves the time local. Such events are kept in
 * document order, which on cross-border legs differs from the order of their clock readings.
 */
public final class LandmarkMapper {

    public static final String PARTNER = "landmark";
    static final String FORMAT = "landmark-track";

    /** Landmark event codes. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("50")
            .map("75", MilestoneCode.PICKED_UP)
            .map("100", MilestoneCode.IN_TRANSIT)
            .map("125", MilestoneCode.IN_TRANSIT)
            .map("150", MilestoneCode.IN_TRANSIT)
            .map("155", MilestoneCode.IN_TRANSIT)
            .map("225", MilestoneCode.IN_TRANSIT)
            .map("275", MilestoneCode.IN_TRANSIT)
            .map("300", MilestoneCode.OUT_FOR_DELIVERY)
            .map("500", MilestoneCode.DELIVERED);

    private static final List<DateTimeFormatter> LAYOUTS = List.of(
            DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

    private LandmarkMapper() {
    }

    public static MappedDocument map(String body) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        if (!"TrackResponse".equals(root.getLocalName())) {
            throw new MalformedPayloadException(FORMAT, "the root element is " + root.getLocalName()
                    + ", not TrackResponse", 1, 1, 0, "send the Landmark TrackResponse unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        Element result = child(root, "Result");
        if (!"true".equals(text(result, "Success"))) {
            return document.problem(EntryProblem.partnerError("Result", null, "Landmark returned "
                    + text(result, "Errors", "Error", "ErrorMessage"))).build();
        }
        List<Element> packages = children(child(result, "Packages"), "Package");
        for (int p = 0; p < packages.size(); p++) {
            mapPackage(packages.get(p), "Packages.Package[" + p + "]", document);
        }
        return document.build();
    }

    private static void mapPackage(Element pkg, String position, MappedDocument.Builder document) {
        String number = text(pkg, "TrackingNumber");
        List<Element> events = children(child(pkg, "Events"), "Event");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        for (int e = 0; e < events.size(); e++) {
            Element event = events.get(e);
            String where = position + ".Events.Event[" + e + "]";
            String code = text(event, "EventCode");
            String date = text(event, "DateTime");
            Location location = location(text(event, "Location"));
            try {
                CodeMapping.Mapped mapped = EVENTS.lookup(code);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(number)
                        .reference(text(pkg, "LandmarkTrackingNumber"))
                        .reference(text(pkg, "PackageReference"))
                        .code(code, mapped)
                        .description(text(event, "Status"))
                        .time(PartnerTimes.local(parse(date), date, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(null, null, null, null));
                }
                document.milestone(draft.build(ids.next(code, date, text(event, "Location"))));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".DateTime", number, "DateTime " + date
                        + " is neither MM/dd/yyyy hh:mm a nor yyyy-MM-dd HH:mm:ss", "send the event as Landmark formats it"));
            }
        }
    }

    private static LocalDateTime parse(String text) {
        DateTimeParseException last = null;
        for (DateTimeFormatter layout : LAYOUTS) {
            try {
                return LocalDateTime.parse(text, layout);
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Reads "Quebec City, QC, CA" or "Feltham, SRY"; a country is taken only from a third part. */
    private static Location location(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        String city = parts[0].trim();
        String region = parts.length > 1 ? parts[1].trim() : null;
        String country = parts.length > 2 ? Zones.normaliseCountry(parts[2].trim()) : null;
        return new Location(null, city, region, null, country, null);
    }
}
