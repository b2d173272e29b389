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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * AfterShip tracking payloads: the list of GET /trackings ({@code data.trackings}), a single
 * tracking ({@code data.tracking}) and webhooks ({@code msg}). Each checkpoint becomes one
 * milestone. AfterShip's {@code checkpoint_time} is the carrier's local time, usually with an
 * offset; one without an offset takes the zone of the checkpoint's location.
 */
public final class AfterShipMapper {

    public static final String PARTNER = "aftership";
    static final String FORMAT = "aftership-tracking";

    /** Checkpoint {@code tag}. */
    static final CodeMapping TAGS = new CodeMapping()
            .annotation("Pending")
            .annotation("InfoReceived")
            .annotation("Expired")
            .map("InTransit", MilestoneCode.IN_TRANSIT)
            .map("OutForDelivery", MilestoneCode.OUT_FOR_DELIVERY)
            .map("AttemptFail", MilestoneCode.DELIVERY_ATTEMPT_FAILED)
            .map("Delivered", MilestoneCode.DELIVERED)
            .map("AvailableForPickup", MilestoneCode.AVAILABLE_FOR_PICKUP)
            .map("Exception", MilestoneCode.EXCEPTION);

    /** Checkpoint {@code subtag}s that refine the tag's milestone. */
    static final CodeMapping SUBTAGS = new CodeMapping()
            .map("InTransit_002", MilestoneCode.PICKED_UP)
            .map("Exception_010", MilestoneCode.RETURN_INITIATED)
            .map("Exception_011", MilestoneCode.RETURNED_TO_SENDER);

    /** Reasons of AttemptFail and Exception subtags; the generic _001 subtags carry no reason. */
    static final ReasonMapping REASONS = new ReasonMapping()
            .map("AttemptFail_001", ReasonCode.UNKNOWN)
            .map("AttemptFail_002", ReasonCode.RECIPIENT_NOT_AVAILABLE)
            .map("AttemptFail_003", ReasonCode.BUSINESS_CLOSED)
            .map("Exception_001", ReasonCode.UNKNOWN)
            .map("Exception_003", ReasonCode.REFUSED_BY_RECIPIENT);

    private AfterShipMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode root = Payloads.json(FORMAT, body);
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        List<JsonNode> trackings = new ArrayList<>();
        String prefix;
        if (root.path("data").has("trackings")) {
            trackings.addAll(array(root.get("data"), "trackings"));
            prefix = "data.trackings";
        } else if (root.path("data").has("tracking")) {
            trackings.add(root.get("data").get("tracking"));
            prefix = "data.tracking";
        } else if (root.has("msg")) {
            trackings.add(root.get("msg"));
            prefix = "msg";
        } else {
            throw new MalformedPayloadException(FORMAT, "the body holds neither data.trackings, data.tracking nor msg",
                    1, 1, 0, "send the AfterShip response or webhook body unchanged");
        }
        for (int t = 0; t < trackings.size(); t++) {
            String position = prefix.equals("data.trackings") ? prefix + "[" + t + "]" : prefix;
            mapTracking(trackings.get(t), position, document);
        }
        return document.build();
    }

    private static void mapTracking(JsonNode tracking, String position, MappedDocument.Builder document) {
        String number = text(tracking, "tracking_number");
        if (number == null) {
            document.problem(EntryProblem.invalid(position + ".tracking_number", null,
                    "the tracking has no tracking_number", "send the tracking with its number"));
            return;
        }
        List<JsonNode> checkpoints = array(tracking, "checkpoints");
        if (checkpoints.isEmpty()) {
            document.warning(position + " (" + number + ", tag " + text(tracking, "tag")
                    + ") has no checkpoints; nothing to record");
            return;
        }
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        for (int i = 0; i < checkpoints.size(); i++) {
            JsonNode checkpoint = checkpoints.get(i);
            String where = position + ".checkpoints[" + i + "]";
            try {
                MilestoneDraft draft = draft(tracking, checkpoint, where);
                document.milestone(draft.build(ids.next(text(checkpoint, "tag"), text(checkpoint, "subtag"),
                        text(checkpoint, "checkpoint_time"), text(checkpoint, "message"),
                        text(checkpoint, "location"))));
            } catch (DateTimeParseException e) {
                document.problem(EntryProblem.invalid(where + ".checkpoint_time", number,
                        "checkpoint_time " + text(checkpoint, "checkpoint_time") + " is not an ISO 8601 time",
                        "send the time as AfterShip formats it, for example 2018-07-31T16:47:00-04:00"));
            }
        }
    }

    private static MilestoneDraft draft(JsonNode tracking, JsonNode checkpoint, String position) {
        String tag = text(checkpoint, "tag");
        String subtag = text(checkpoint, "subtag");
        CodeMapping.Mapped mapped = SUBTAGS.contains(subtag) ? SUBTAGS.lookup(subtag) : TAGS.lookup(tag);
        Location location = new Location(null, text(checkpoint, "city"), text(checkpoint, "state"),
                text(checkpoint, "zip"), countryOf(tracking, checkpoint), null);
        String time = text(checkpoint, "checkpoint_time");
        if (time == null) {
            throw new DateTimeParseException("missing", "", 0);
        }
        MilestoneDraft draft = new MilestoneDraft(PARTNER)
                .carrier(text(checkpoint, "slug") != null ? text(checkpoint, "slug") : text(tracking, "slug"))
                .trackingNumber(text(tracking, "tracking_number"))
                .reference(text(tracking, "id"))
                .reference(text(tracking, "order_id"))
                .code(subtag == null ? tag : tag + "/" + subtag, mapped)
                .description(text(checkpoint, "message"))
                .time(PartnerTimes.isoWithOrWithoutOffset(time, location))
                .location(location)
                .position(position);
        if (mapped.code() == MilestoneCode.DELIVERY_ATTEMPT_FAILED || mapped.code() == MilestoneCode.EXCEPTION) {
            ReasonCode reason = REASONS.lookup(subtag);
            draft.reason(subtag + (text(checkpoint, "subtag_message") == null ? ""
                    : " " + text(checkpoint, "subtag_message")), reason == null ? ReasonCode.UNKNOWN : reason,
                    reason != null);
        }
        if (mapped.code() == MilestoneCode.DELIVERED) {
            draft.proofOfDelivery(new ProofOfDelivery(DeliveryPlaces.signer(text(tracking, "signed_by")), null, null,
                    DeliveryPlaces.fromText(text(checkpoint, "message"))));
        }
        return draft;
    }

    /** The checkpoint's country, else the origin country when the checkpoint has a US-style state and none. */
    private static String countryOf(JsonNode tracking, JsonNode checkpoint) {
        String country = text(checkpoint, "country_iso3");
        if (country == null && text(checkpoint, "state") != null) {
            country = text(tracking, "origin_country_iso3");
        }
        return country;
    }
}
