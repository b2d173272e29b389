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
import java.util.Locale;

/**
 * Shippo {@code track_updated} webhooks ({@code {"event":"track_updated","data":{...}}}) and bare
 * Track objects. Each {@code tracking_history} entry becomes one milestone with Shippo's
 * {@code object_id} as its event id; {@code tracking_status} repeats the latest entry and is used
 * only when the history is empty. Shippo sends times in UTC.
 */
public final class ShippoMapper {

    public static final String PARTNER = "shippo";
    static final String FORMAT = "shippo-track";

    /** {@code status} of a history entry. Shippo's UNKNOWN marks entries before the carrier has the parcel. */
    static final CodeMapping STATUSES = new CodeMapping()
            .annotation("PRE_TRANSIT")
            .annotation("UNKNOWN")
            .map("TRANSIT", MilestoneCode.IN_TRANSIT)
            .map("DELIVERED", MilestoneCode.DELIVERED)
            .map("RETURNED", MilestoneCode.RETURNED_TO_SENDER)
            .map("FAILURE", MilestoneCode.EXCEPTION);

    /** {@code substatus.code}, where Shippo sends one; it refines the status. */
    static final CodeMapping SUBSTATUSES = new CodeMapping()
            .map("out_for_delivery", MilestoneCode.OUT_FOR_DELIVERY)
            .map("delivery_attempted", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("pickup_available", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("delayed", MilestoneCode.DELAYED)
            .map("return_to_sender", MilestoneCode.RETURN_INITIATED)
            .map("address_issue", MilestoneCode.EXCEPTION, ReasonCode.ADDRESS_INCORRECT)
            .map("package_damaged", MilestoneCode.EXCEPTION, ReasonCode.DAMAGED)
            .map("package_lost", MilestoneCode.EXCEPTION, ReasonCode.LOST);

    static final ReasonMapping REASONS = new ReasonMapping()
            .map("address_issue", ReasonCode.ADDRESS_INCORRECT)
            .map("package_damaged", ReasonCode.DAMAGED)
            .map("package_lost", ReasonCode.LOST);

    private ShippoMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode root = Payloads.json(FORMAT, body);
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        JsonNode track = root;
        String prefix = "";
        if (root.has("event")) {
            if (!"track_updated".equals(text(root, "event"))) {
                return document.warning("event " + text(root, "event") + " is not track_updated; nothing was recorded")
                        .build();
            }
            track = root.get("data");
            prefix = "data.";
        }
        if (track == null || text(track, "tracking_number") == null) {
            throw new MalformedPayloadException(FORMAT, "the body holds no Shippo track with a tracking_number", 1, 1, 0,
                    "send the track_updated webhook as Shippo delivered it, or a Track object");
        }
        List<JsonNode> history = array(track, "tracking_history");
        String arrayName = "tracking_history";
        if (history.isEmpty() && track.hasNonNull("tracking_status")) {
            history = List.of(track.get("tracking_status"));
            arrayName = "tracking_status";
        }
        SourceEventIds ids = new SourceEventIds(PARTNER, text(track, "tracking_number"));
        Instant eta = instantOrNull(text(track, "eta"));
        for (int i = 0; i < history.size(); i++) {
            String position = prefix + arrayName + (arrayName.equals("tracking_status") ? "" : "[" + i + "]");
            JsonNode entry = history.get(i);
            try {
                MilestoneDraft draft = draft(track, entry, position);
                if (i == history.size() - 1) {
                    draft.estimatedDelivery(eta);
                }
                String objectId = text(entry, "object_id");
                document.milestone(draft.build(objectId != null ? ids.ofPartnerId(objectId)
                        : ids.next(text(entry, "status"), text(entry, "status_date"), text(entry, "status_details"))));
            } catch (DateTimeParseException e) {
                document.problem(EntryProblem.invalid(position + ".status_date", text(track, "tracking_number"),
                        "status_date " + text(entry, "status_date") + " is not an ISO 8601 time",
                        "send the time as Shippo formats it, for example 2016-12-07T19:04:00Z"));
            }
        }
        return document.build();
    }

    private static MilestoneDraft draft(JsonNode track, JsonNode entry, String position) {
        String status = text(entry, "status");
        String details = text(entry, "status_details");
        String substatus = text(entry, "substatus", "code");
        CodeMapping.Mapped mapped = SUBSTATUSES.contains(substatus) ? SUBSTATUSES.lookup(substatus)
                : STATUSES.lookup(status);
        if (mapped.code() == MilestoneCode.IN_TRANSIT && substatus == null && details != null
                && details.toLowerCase(Locale.ROOT).contains("out for delivery")) {
            // Older Shippo tracks carry no substatus; the text is the only sign of the courier run.
            mapped = new CodeMapping.Mapped(MilestoneCode.OUT_FOR_DELIVERY, null, true);
        }
        String date = text(entry, "status_date");
        if (date == null) {
            throw new DateTimeParseException("missing", "", 0);
        }
        JsonNode place = entry.get("location");
        Location location = place == null || place.isNull() ? null : new Location(null, text(place, "city"),
                text(place, "state"), text(place, "zip"), text(place, "country"), null);
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(text(track, "carrier"))
                .trackingNumber(text(track, "tracking_number"))
                .reference(text(track, "metadata"))
                .code(substatus == null ? status : status + "/" + substatus, mapped)
                .description(details)
                .time(PartnerTimes.withOffset(date))
                .location(location)
                .position(position);
        ReasonCode reason = REASONS.lookup(substatus);
        if (reason != null) {
            draft.reason(substatus, reason, true);
        } else if (mapped.code() == MilestoneCode.EXCEPTION) {
            draft.reason(substatus != null ? substatus : details, ReasonCode.UNKNOWN, false);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            draft.proofOfDelivery(new ProofOfDelivery(null, null, null, DeliveryPlaces.fromText(details)));
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
