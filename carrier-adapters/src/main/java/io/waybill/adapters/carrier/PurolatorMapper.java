package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.child;
import static io.waybill.adapters.Payloads.children;
import static io.waybill.adapters.Payloads.text;

import io.waybill.adapters.CodeMapping;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Purolator {@code TrackPackagesByPin} SOAP responses. Scans come newest first with a local date
 * and time; the depot name ends with the province ("MONTREAL SORT CTR/CTR TRIE, PQ"), which gives
 * the zone.
 */
public final class PurolatorMapper {

    public static final String PARTNER = "purolator";
    static final String FORMAT = "purolator-trackpackagesbypin";

    /** {@code ScanType}. "Other" scans, such as a new tracking number, change no status. */
    static final CodeMapping SCANS = new CodeMapping()
            .annotation("Other")
            .map("ProofOfPickUp", MilestoneCode.PICKED_UP)
            .map("Delivery", MilestoneCode.DELIVERED)
            .map("Undeliverable", MilestoneCode.DELIVERY_ATTEMPT_FAILED);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private PurolatorMapper() {
    }

    public static MappedDocument map(String body) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        Element response = child(root, "Body", "TrackPackagesByPinResponse");
        if (response == null) {
            throw new MalformedPayloadException(FORMAT, "the body has no Body/TrackPackagesByPinResponse", 1, 1, 0,
                    "send the Purolator SOAP response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        for (Element error : children(child(response, "ResponseInformation", "Errors"), "Error")) {
            document.problem(EntryProblem.partnerError("ResponseInformation", null, "Purolator returned "
                    + text(error, "Code") + ": " + text(error, "Description")));
        }
        List<Element> infos = children(child(response, "TrackingInformationList"), "TrackingInformation");
        for (int i = 0; i < infos.size(); i++) {
            document.milestones(scans(infos.get(i), "TrackingInformation[" + i + "]", document));
        }
        return document.build();
    }

    private static List<PartnerMilestone> scans(Element info, String position, MappedDocument.Builder document) {
        String pin = text(info, "PIN", "Value");
        List<Element> scans = children(child(info, "Scans"), "Scan");
        SourceEventIds ids = new SourceEventIds(PARTNER, pin);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int s = scans.size() - 1; s >= 0; s--) {
            Element scan = scans.get(s);
            String where = position + ".Scans[" + s + "]";
            String type = text(scan, "ScanType");
            String date = text(scan, "ScanDate");
            String time = text(scan, "ScanTime");
            Location location = depot(text(scan, "Depot", "Name"));
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time, TIME));
                CodeMapping.Mapped mapped = SCANS.lookup(type);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(pin)
                        .code(type, mapped)
                        .description(text(scan, "Description"))
                        .time(PartnerTimes.local(local, date + " " + time, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(text(scan, "SignatureName"), null, null, null));
                }
                milestones.add(draft.build(ids.next(type, date, time, text(scan, "Description"),
                        text(scan, "Depot", "Name"))));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".ScanDate", pin, "ScanDate " + date + " and ScanTime "
                        + time + " are not yyyy-MM-dd and HHmmss", "send the scan as Purolator formats it"));
            }
        }
        return milestones;
    }

    /** Reads the province after the last comma; PQ is the former code of Quebec. */
    private static Location depot(String name) {
        if (name == null) {
            return null;
        }
        int comma = name.lastIndexOf(',');
        String province = comma < 0 ? null : name.substring(comma + 1).trim();
        if ("PQ".equals(province)) {
            province = "QC";
        }
        return new Location(name, null, province, null, "CA", null);
    }
}
