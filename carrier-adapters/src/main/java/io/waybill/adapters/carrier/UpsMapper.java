package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.array;
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
import io.waybill.adapters.Zones;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * UPS tracking responses: the Track XML {@code TrackResponse} and the REST Track API
 * {@code trackResponse} JSON. Activities come newest first and are recorded oldest first. Their
 * date and time are local without an offset, so they take the zone of the activity's address
 * (the JSON's gmtDate/gmtTime/gmtOffset win when present). An XML activity that names a city but
 * no state or province borrows the region another activity of the package gives for that city.
 */
public final class UpsMapper {

    public static final String PARTNER = "ups";
    static final String XML_FORMAT = "ups-track-xml";
    static final String JSON_FORMAT = "ups-track-json";

    /**
     * Status type (D delivered, I in transit, X exception, P pickup, M manifest) and, before it, the
     * more specific "type/status code" rows.
     */
    static final CodeMapping STATUSES = new CodeMapping()
            .map("D", MilestoneCode.DELIVERED)
            .map("I", MilestoneCode.IN_TRANSIT)
            .map("I/OR", MilestoneCode.PICKED_UP)
            .map("P", MilestoneCode.PICKED_UP)
            .annotation("M")
            .annotation("M/MP")
            .map("X", MilestoneCode.EXCEPTION)
            .map("X/2Y", MilestoneCode.DELAYED)
            .map("X/SR", MilestoneCode.IN_TRANSIT)
            .annotation("X/DM");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final int MIN_TRACKING_NUMBER_LENGTH = 8;

    private UpsMapper() {
    }

    public static MappedDocument mapXml(String body) {
        Document xml = Payloads.xml(XML_FORMAT, body);
        Element root = xml.getDocumentElement();
        if (!"TrackResponse".equals(root.getLocalName())) {
            throw new MalformedPayloadException(XML_FORMAT, "the root element is " + root.getLocalName()
                    + ", not TrackResponse", 1, 1, 0, "send the UPS Track XML response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(XML_FORMAT);
        if (!"1".equals(text(root, "Response", "ResponseStatusCode"))) {
            document.problem(EntryProblem.partnerError("Response", null, "UPS returned "
                    + text(root, "Response", "Error", "ErrorCode") + ": "
                    + text(root, "Response", "Error", "ErrorDescription")));
            return document.build();
        }
        List<Element> shipments = children(root, "Shipment");
        for (int s = 0; s < shipments.size(); s++) {
            Element shipment = shipments.get(s);
            List<String> references = new ArrayList<>();
            for (Element reference : children(shipment, "ReferenceNumber")) {
                references.add(text(reference, "Value"));
            }
            Location shipTo = address(Payloads.child(shipment, "ShipTo", "Address"));
            List<Element> packages = children(shipment, "Package");
            for (int p = 0; p < packages.size(); p++) {
                mapXmlPackage(shipment, packages.get(p), "Shipment[" + s + "].Package[" + p + "]", references,
                        shipTo, document);
            }
        }
        return document.build();
    }

    private static void mapXmlPackage(Element shipment, Element pkg, String position, List<String> shipmentRefs,
                                      Location shipTo, MappedDocument.Builder document) {
        String number = text(pkg, "TrackingNumber");
        if (number == null) {
            number = text(shipment, "ShipmentIdentificationNumber");
        }
        List<String> references = new ArrayList<>(shipmentRefs);
        children(pkg, "ReferenceNumber").forEach(reference -> references.add(text(reference, "Value")));
        String eta = text(pkg, "RescheduledDeliveryDate") != null ? text(pkg, "RescheduledDeliveryDate")
                : text(shipment, "ScheduledDeliveryDate");
        List<Element> activities = children(pkg, "Activity");
        List<PartnerMilestone> milestones = new ArrayList<>();
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        Map<String, String> regions = knownRegions(activities);
        for (int a = activities.size() - 1; a >= 0; a--) {
            Element activity = activities.get(a);
            String where = position + ".Activity[" + a + "]";
            Location location = withRegion(address(Payloads.child(activity, "ActivityLocation", "Address")), regions);
            String type = text(activity, "Status", "StatusType", "Code");
            String code = text(activity, "Status", "StatusCode", "Code");
            String description = text(activity, "Status", "StatusType", "Description");
            String date = text(activity, "Date");
            String time = text(activity, "Time");
            PartnerTime partnerTime;
            try {
                partnerTime = localTime(date, time, location);
            } catch (DateTimeParseException e) {
                document.problem(EntryProblem.invalid(where + ".Date", number, "activity date " + date + " and time "
                        + time + " are not yyyyMMdd and HHmmss", "send the activity as UPS formats it"));
                continue;
            }
            MilestoneDraft draft = draft(number, references, type, code, description, partnerTime, location, where);
            if (draft.code() == MilestoneCode.DELIVERED) {
                String place = text(activity, "ActivityLocation", "Description");
                draft.proofOfDelivery(new ProofOfDelivery(
                        DeliveryPlaces.signer(text(activity, "ActivityLocation", "SignedForByName")), null, null,
                        DeliveryPlaces.fromText(place)));
            }
            if (a == 0) {
                draft.estimatedDelivery(startOfDay(eta, shipTo));
            }
            milestones.add(draft.build(ids.next(type, code, date, time, description,
                    location == null ? null : location.city())));
        }
        document.milestones(milestones);
    }

    public static MappedDocument mapJson(String body) {
        JsonNode root = Payloads.json(JSON_FORMAT, body);
        JsonNode response = root.get("trackResponse");
        if (response == null) {
            throw new MalformedPayloadException(JSON_FORMAT, "the body has no trackResponse", 1, 1, 0,
                    "send the UPS Track API response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(JSON_FORMAT);
        List<JsonNode> shipments = array(response, "shipment");
        for (int s = 0; s < shipments.size(); s++) {
            JsonNode shipment = shipments.get(s);
            List<JsonNode> packages = array(shipment, "package");
            for (int p = 0; p < packages.size(); p++) {
                mapJsonPackage(shipment, packages.get(p), "trackResponse.shipment[" + s + "].package[" + p + "]",
                        document);
            }
            for (JsonNode warning : array(shipment, "warnings")) {
                document.warning("UPS warning " + text(warning, "code") + ": " + text(warning, "message"));
            }
        }
        return document.build();
    }

    private static void mapJsonPackage(JsonNode shipment, JsonNode pkg, String position,
                                       MappedDocument.Builder document) {
        String number = text(pkg, "trackingNumber");
        if (number == null || number.length() < MIN_TRACKING_NUMBER_LENGTH) {
            // Too short to be a UPS number; the published vendor sample contains the placeholder "string".
            number = text(shipment, "inquiryNumber");
        }
        List<String> references = new ArrayList<>();
        array(pkg, "referenceNumber").forEach(reference -> references.add(text(reference, "number")));
        List<JsonNode> activities = array(pkg, "activity");
        List<PartnerMilestone> milestones = new ArrayList<>();
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        for (int a = activities.size() - 1; a >= 0; a--) {
            JsonNode activity = activities.get(a);
            String where = position + ".activity[" + a + "]";
            JsonNode address = activity.path("location").path("address");
            Location location = new Location(text(activity, "location", "slic"), text(address, "city"),
                    text(address, "stateProvince"), text(address, "postalCode"),
                    text(address, "countryCode") != null ? text(address, "countryCode") : text(address, "country"),
                    null);
            JsonNode status = activity.path("status");
            String type = text(status, "type");
            String code = text(status, "code");
            String description = text(status, "description");
            PartnerTime partnerTime;
            try {
                partnerTime = jsonTime(activity, location);
            } catch (DateTimeParseException e) {
                document.problem(EntryProblem.invalid(where + ".date", number, "activity date "
                        + text(activity, "date") + " and time " + text(activity, "time")
                        + " are not yyyyMMdd and HHmmss", "send the activity as UPS formats it"));
                continue;
            }
            MilestoneDraft draft = draft(number, references, type, code, description, partnerTime, location, where);
            if (draft.code() == MilestoneCode.DELIVERED) {
                JsonNode delivery = pkg.path("deliveryInformation");
                draft.proofOfDelivery(new ProofOfDelivery(DeliveryPlaces.signer(text(delivery, "receivedBy")), null,
                        null, DeliveryPlaces.fromText(text(delivery, "location"))));
            }
            milestones.add(draft.build(ids.next(type, code, text(activity, "date"), text(activity, "time"),
                    description, location.city())));
        }
        document.milestones(milestones);
    }

    private static MilestoneDraft draft(String number, List<String> references, String type, String code,
                                        String description, PartnerTime time, Location location, String position) {
        String raw = code == null ? type : type + "/" + code;
        CodeMapping.Mapped mapped = STATUSES.contains(raw) ? STATUSES.lookup(raw) : STATUSES.lookup(type);
        boolean outForDelivery = description != null
                && description.toUpperCase(Locale.ROOT).contains("OUT FOR DELIVERY");
        if ("I".equals(type) && outForDelivery) {
            // UPS reuses status codes (DS is "destination scan" or "out for delivery"); the text decides.
            mapped = new CodeMapping.Mapped(MilestoneCode.OUT_FOR_DELIVERY, null, true);
        }
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(PARTNER)
                .trackingNumber(number)
                .code(raw, mapped)
                .description(description)
                .time(time)
                .location(location)
                .position(position);
        references.forEach(draft::reference);
        if (mapped.code() == MilestoneCode.EXCEPTION) {
            boolean specific = STATUSES.contains(raw);
            draft.reason(raw, ReasonCode.UNKNOWN, specific);
        }
        return draft;
    }

    private static PartnerTime jsonTime(JsonNode activity, Location location) {
        String gmtDate = text(activity, "gmtDate");
        String gmtTime = text(activity, "gmtTime");
        String gmtOffset = text(activity, "gmtOffset");
        String localText = text(activity, "date") + " " + text(activity, "time");
        if (gmtDate != null && gmtTime != null && gmtOffset != null) {
            LocalDateTime utc = LocalDateTime.of(LocalDate.parse(gmtDate, DATE),
                    LocalTime.parse(gmtTime.replace(":", ""), TIME));
            return new PartnerTime(utc.toInstant(ZoneOffset.UTC), localText, gmtOffset,
                    TimeBasis.OFFSET_GIVEN);
        }
        return localTime(text(activity, "date"), text(activity, "time"), location);
    }

    private static PartnerTime localTime(String date, String time, Location location) {
        if (date == null || time == null) {
            throw new DateTimeParseException("missing", "", 0);
        }
        LocalDateTime local = LocalDateTime.of(LocalDate.parse(date, DATE), LocalTime.parse(time, TIME));
        return PartnerTimes.local(local, date + " " + time, location);
    }

    private static Location address(Element address) {
        if (address == null) {
            return null;
        }
        return new Location(null, text(address, "City"), text(address, "StateProvinceCode"),
                text(address, "PostalCode"), text(address, "CountryCode"), null);
    }

    /** Regions of the package's activity cities, for activities that name the city but not its state or province. */
    private static Map<String, String> knownRegions(List<Element> activities) {
        Map<String, String> regions = new HashMap<>();
        for (Element activity : activities) {
            Location location = address(Payloads.child(activity, "ActivityLocation", "Address"));
            if (location != null && location.city() != null && location.region() != null) {
                regions.putIfAbsent(location.city() + "|" + location.countryCode(), location.region());
            }
        }
        return regions;
    }

    private static Location withRegion(Location location, Map<String, String> regions) {
        if (location == null || location.region() != null || location.city() == null) {
            return location;
        }
        String region = regions.get(location.city() + "|" + location.countryCode());
        return region == null ? location : new Location(location.facility(), location.city(), region,
                location.postalCode(), location.countryCode(), location.point());
    }

    /** Returns the start of an estimated delivery date at the destination, or in UTC when its zone is unknown. */
    static Instant startOfDay(String yyyymmdd, Location destination) {
        if (yyyymmdd == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(yyyymmdd, DATE);
            ZoneId zone = destination == null ? null : Zones.forLocation(destination.countryCode(), destination.region());
            return date.atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
