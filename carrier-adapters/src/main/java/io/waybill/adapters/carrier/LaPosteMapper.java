package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.array;
import static io.waybill.adapters.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Payloads;
import io.waybill.adapters.SourceEventIds;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * La Poste Suivi (Colissimo) responses: one object, or an array of them, each with a
 * {@code shipment.event} list (newest first, times with offset) and a {@code returnCode}.
 */
public final class LaPosteMapper {

    public static final String PARTNER = "laposte";
    static final String FORMAT = "laposte-suivi";

    /** La Poste event codes. */
    static final CodeMapping EVENTS = new CodeMapping()
            .annotation("DR1")
            .map("PC1", MilestoneCode.PICKED_UP)
            .map("PC2", MilestoneCode.PICKED_UP)
            .map("ET1", MilestoneCode.IN_TRANSIT)
            .map("ET2", MilestoneCode.IN_TRANSIT)
            .map("ET3", MilestoneCode.IN_TRANSIT)
            .map("ET4", MilestoneCode.IN_TRANSIT)
            .map("MD2", MilestoneCode.OUT_FOR_DELIVERY)
            .map("AG1", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("ND1", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("RE1", MilestoneCode.RETURN_INITIATED)
            .map("DI1", MilestoneCode.DELIVERED)
            .map("DI2", MilestoneCode.RETURNED_TO_SENDER);

    private static final int OK = 200;

    private LaPosteMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode root = Payloads.jsonObjectOrArray(FORMAT, body);
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        List<JsonNode> results = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(results::add);
        } else {
            results.add(root);
        }
        for (int r = 0; r < results.size(); r++) {
            JsonNode result = results.get(r);
            String position = root.isArray() ? "[" + r + "]" : "";
            JsonNode shipment = result.get("shipment");
            String number = text(shipment, "idShip");
            if (result.path("returnCode").asInt(OK) != OK || shipment == null) {
                document.problem(EntryProblem.partnerError(position, number, "La Poste returned "
                        + result.path("returnCode").asText() + ": " + text(result, "returnMessage")));
                continue;
            }
            document.milestones(events(number, shipment, position, document));
        }
        return document.build();
    }

    private static List<PartnerMilestone> events(String number, JsonNode shipment, String position,
                                                 MappedDocument.Builder document) {
        List<JsonNode> events = array(shipment, "event");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            JsonNode event = events.get(e);
            String where = (position.isEmpty() ? "" : position + ".") + "shipment.event[" + e + "]";
            String code = text(event, "code");
            String date = text(event, "date");
            try {
                CodeMapping.Mapped mapped = EVENTS.lookup(code);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(number)
                        .code(code, mapped)
                        .description(text(event, "label"))
                        .time(PartnerTimes.withOffset(date))
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(null, null, null, null));
                }
                milestones.add(draft.build(ids.next(code, date)));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".date", number, "date " + date
                        + " is not an ISO 8601 time with offset", "send the event as La Poste formats it"));
            }
        }
        return milestones;
    }
}
