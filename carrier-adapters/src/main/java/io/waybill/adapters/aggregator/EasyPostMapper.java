package io.waybill.adapters.aggregator;

import static io.waybill.adapters.Payloads.array;
import static io.waybill.adapters.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.CodeMapping;
import io.waybill.adapters.DeliveryPlaces;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.MilestoneDraft;
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Payloads;
import io.waybill.adapters.ReasonMapping;
import io.waybill.adapters.SourceEventIds;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * EasyPost webhook {@code Event}s of type {@code tracker.created} or {@code tracker.updated}, and
 * bare {@code Tracker} objects (as returned by GET /trackers/{id}). Each entry of
 * {@code tracking_details} becomes one milestone; EasyPost sends its times in UTC.
 */
public final class EasyPostMapper {

    public static final String PARTNER = "easypost";
    static final String FORMAT = "easypost-tracker";

    /** {@code status} of a tracking detail. */
    static final CodeMapping STATUSES = new CodeMapping()
            .annotation("pre_transit")
            .annotation("unknown")
            .map("in_transit", MilestoneCode.IN_TRANSIT)
            .map("out_for_delivery", MilestoneCode.OUT_FOR_DELIVERY)
            .map("delivered", MilestoneCode.DELIVERED)
            .map("available_for_pickup", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("return_to_sender", MilestoneCode.RETURN_INITIATED)
            .map("failure", MilestoneCode.EXCEPTION)
            .map("error", MilestoneCode.EXCEPTION)
            .map("cancelled", MilestoneCode.CANCELLED);

    /** {@code status_detail} values that name a reason; other details only refine the status. */
    static final ReasonMapping REASONS = new ReasonMapping()
            .map("weather_delay", ReasonCode.WEATHER)
            .map("address_correction", ReasonCode.ADDRESS_INCORRECT)
            .map("damaged", ReasonCode.DAMAGED)
            .map("lost", ReasonCode.LOST)
            .map("refused", ReasonCode.REFUSED_BY_RECIPIENT)
            .map("missorted", ReasonCode.MISSED_CONNECTION);

    private static final Set<String> TRACKER_EVENTS = Set.of("tracker.created", "tracker.updated");
    private static final Set<MilestoneCode> NEEDS_REASON = Set.of(MilestoneCode.EXCEPTION,
            MilestoneCode.RETURN_INITIATED, MilestoneCode.CANCELLED);

    private EasyPostMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode root = Payloads.json(FORMAT, body);
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        String object = text(root, "object");
        JsonNode tracker = root;
        String prefix = "";
        if ("Event".equals(object)) {
            String description = text(root, "description");
            if (!TRACKER_EVENTS.contains(description)) {
                return document.warning("event " + description + " is not a tracker event; nothing was recorded")
                        .build();
            }
            tracker = root.get("result");
            prefix = "result.";
        }
        if (tracker == null || !"Tracker".equals(text(tracker, "object"))) {
            throw new MalformedPayloadException(FORMAT, "the body is neither an EasyPost Event nor a Tracker", 1, 1, 0,
                    "send the webhook Event as EasyPost delivered it, or a Tracker object");
        }
        mapTracker(tracker, prefix, document);
        return document.build();
    }

    private static void mapTracker(JsonNode tracker, String prefix, MappedDocument.Builder document) {
        String trackingCode = text(tracker, "tracking_code");
        if (trackingCode == null) {
            document.problem(EntryProblem.invalid(prefix + "tracking_code", null, "the tracker has no tracking_code",
                    "send the tracker with its tracking code"));
            return;
        }
        List<JsonNode> details = array(tracker, "tracking_details");
        SourceEventIds ids = new SourceEventIds(PARTNER, trackingCode);
        Instant estimated = instantOrNull(text(tracker, "est_delivery_date"));
        for (int i = 0; i < details.size(); i++) {
            String position = prefix + "tracking_details[" + i + "]";
            try {
                MilestoneDraft draft = draft(tracker, details.get(i), position);
                if (i == details.size() - 1) {
                    draft.estimatedDelivery(estimated);
                }
                JsonNode detail = details.get(i);
                document.milestone(draft.build(ids.next(text(detail, "status"), text(detail, "status_detail"),
                        text(detail, "datetime"), text(detail, "message"), text(detail, "tracking_location", "zip"))));
            } catch (DateTimeParseException e) {
                document.problem(EntryProblem.invalid(position + ".datetime", trackingCode,
                        "datetime " + e.getParsedString() + " is not an ISO 8601 time",
                        "send the detail's time as EasyPost formats it, for example 2024-07-31T15:00:00Z"));
            }
        }
    }

    private static MilestoneDraft draft(JsonNode tracker, JsonNode detail, String position) {
        String status = text(detail, "status");
        String statusDetail = text(detail, "status_detail");
        CodeMapping.Mapped mapped = STATUSES.lookup(status);
        JsonNode place = detail.get("tracking_location");
        Location location = place == null ? null : new Location(null, text(place, "city"), text(place, "state"),
                text(place, "zip"), text(place, "country"), null);
        String datetime = text(detail, "datetime");
        if (datetime == null) {
            throw new DateTimeParseException("missing", "", 0);
        }
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(text(tracker, "carrier"))
                .trackingNumber(text(tracker, "tracking_code"))
                .reference(text(tracker, "shipment_id"))
                .reference(text(tracker, "id"))
                .code(statusDetail == null ? status : status + "/" + statusDetail, mapped)
                .description(text(detail, "message") != null ? text(detail, "message") : text(detail, "description"))
                .time(PartnerTimes.withOffset(datetime))
                .location(location)
                .position(position);
        ReasonCode reason = REASONS.lookup(statusDetail);
        if (reason != null) {
            draft.reason(statusDetail, reason, true);
        } else if (NEEDS_REASON.contains(mapped.code()) && statusDetail != null) {
            draft.reason(statusDetail, ReasonCode.UNKNOWN, false);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            String signer = DeliveryPlaces.signer(text(tracker, "signed_by"));
            draft.proofOfDelivery(new ProofOfDelivery(signer, null, null,
                    DeliveryPlaces.fromText(text(detail, "message"))));
        }
        return draft;
    }

    private static Instant instantOrNull(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
