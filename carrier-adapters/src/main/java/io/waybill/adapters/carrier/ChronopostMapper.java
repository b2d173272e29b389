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
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Chronopost {@code trackSkybillV2} SOAP responses. Events come oldest first with an offset; the
 * delivered event's "Consignee's name" detail is the signer.
 */
public final class ChronopostMapper {

    public static final String PARTNER = "chronopost";
    static final String FORMAT = "chronopost-trackskybill";

    /** Chronopost event codes. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("DC")
            .map("DB", MilestoneCode.PICKED_UP)
            .map("DY", MilestoneCode.IN_TRANSIT)
            .map("SC", MilestoneCode.IN_TRANSIT)
            .map("TS", MilestoneCode.IN_TRANSIT)
            .map("SD", MilestoneCode.IN_TRANSIT)
            .map("TA", MilestoneCode.OUT_FOR_DELIVERY)
            .map("D", MilestoneCode.DELIVERED);

    private ChronopostMapper() {
    }

    public static MappedDocument map(String body) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        Element response = child(root, "Body", "trackSkybillV2Response", "return");
        if (response == null) {
            throw new MalformedPayloadException(FORMAT, "the body has no Body/trackSkybillV2Response/return", 1, 1, 0,
                    "send the Chronopost SOAP response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        Element list = child(response, "listEventInfoComp");
        String number = text(list, "skybillNumber");
        if (!"0".equals(text(response, "errorCode"))) {
            return document.problem(EntryProblem.partnerError("return", number, "Chronopost returned error "
                    + text(response, "errorCode") + ": " + text(response, "errorMessage"))).build();
        }
        List<Element> events = children(list, "events");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        for (int e = 0; e < events.size(); e++) {
            Element event = events.get(e);
            String where = "listEventInfoComp.events[" + e + "]";
            String code = text(event, "code");
            String date = text(event, "eventDate");
            Location location = new Location(text(event, "officeLabel"), null, null, text(event, "zipCode"), "FR", null);
            try {
                CodeMapping.Mapped mapped = EVENTS.lookup(code);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(number)
                        .code(code, mapped)
                        .description(text(event, "eventLabel"))
                        .time(PartnerTimes.isoWithOrWithoutOffset(date, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(detail(event, "Consignee's name"), null, null, null));
                }
                document.milestone(draft.build(ids.next(code, date, text(event, "officeLabel"))));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".eventDate", number, "eventDate " + date
                        + " is not an ISO 8601 time", "send the event as Chronopost formats it"));
            }
        }
        return document.build();
    }

    private static String detail(Element event, String name) {
        for (Element info : children(event, "infoCompList")) {
            if (name.equals(text(info, "name"))) {
                return text(info, "value");
            }
        }
        return null;
    }
}
