package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.array;
import static io.waybill.adapters.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Australia Post Tracking API responses ({@code tracking_results}). Events carry no status code,
 * only a description, so the description's leading words are the raw code and the table below
 * matches them by prefix. Times carry an offset. Events come newest first.
 */
public final class AustraliaPostMapper {

    public static final String PARTNER = "australiapost";
    static final String FORMAT = "australiapost-tracking";

    /** Description prefixes, checked in this order; the first match wins. */
    static final Map<String, CodeMapping.Mapped> PREFIXES = new java.util.LinkedHashMap<>();
    private static final CodeMapping CODES = new CodeMapping();
    private static final Set<String> STATES = Set.of("NSW", "ACT", "VIC", "QLD", "SA", "WA", "TAS", "NT");

    static {
        prefix("Delivered", MilestoneCode.DELIVERED);
        prefix("Onboard for delivery", MilestoneCode.OUT_FOR_DELIVERY);
        prefix("Received by Australia Post", MilestoneCode.PICKED_UP);
        prefix("Received item from Sender", MilestoneCode.PICKED_UP);
        prefix("Shipping information", MilestoneCode.UNKNOWN);
        prefix("Arrived", MilestoneCode.IN_TRANSIT);
        prefix("Item processed", MilestoneCode.IN_TRANSIT);
        prefix("Processed", MilestoneCode.IN_TRANSIT);
        prefix("In transit", MilestoneCode.IN_TRANSIT);
        prefix("Cleared", MilestoneCode.IN_TRANSIT);
        prefix("Despatch", MilestoneCode.IN_TRANSIT);
        prefix("Item cleared by Customs", MilestoneCode.IN_TRANSIT);
        prefix("Item is in Customs", MilestoneCode.IN_TRANSIT);
    }

    private AustraliaPostMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode root = Payloads.json(FORMAT, body);
        if (!root.has("tracking_results")) {
            throw new MalformedPayloadException(FORMAT, "the body has no tracking_results", 1, 1, 0,
                    "send the Australia Post tracking response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        List<JsonNode> results = array(root, "tracking_results");
        for (int r = 0; r < results.size(); r++) {
            JsonNode result = results.get(r);
            String position = "tracking_results[" + r + "]";
            String number = text(result, "tracking_id");
            if (!array(result, "errors").isEmpty()) {
                document.problem(EntryProblem.partnerError(position, number, "Australia Post returned "
                        + array(result, "errors").get(0)));
                continue;
            }
            List<JsonNode> items = array(result, "trackable_items");
            for (int t = 0; t < items.size(); t++) {
                JsonNode trackable = items.get(t);
                List<JsonNode> articles = trackable.has("items") ? array(trackable, "items") : List.of(trackable);
                for (int a = 0; a < articles.size(); a++) {
                    String where = position + ".trackable_items[" + t + "]"
                            + (trackable.has("items") ? ".items[" + a + "]" : "");
                    document.milestones(article(number, articles.get(a), where, document));
                }
            }
        }
        return document.build();
    }

    private static List<PartnerMilestone> article(String number, JsonNode article, String position,
                                                  MappedDocument.Builder document) {
        List<JsonNode> events = array(article, "events");
        SourceEventIds ids = new SourceEventIds(PARTNER, number);
        List<PartnerMilestone> milestones = new ArrayList<>();
        for (int e = events.size() - 1; e >= 0; e--) {
            JsonNode event = events.get(e);
            String where = position + ".events[" + e + "]";
            String description = text(event, "description");
            Location location = location(text(event, "location"));
            String date = text(event, "date");
            try {
                CodeMapping.Mapped mapped = lookup(description);
                MilestoneDraft draft = new MilestoneDraft(PARTNER)
                        .carrier(PARTNER)
                        .trackingNumber(number)
                        .reference(text(article, "article_id"))
                        .code(description, mapped)
                        .description(description)
                        .time(PartnerTimes.isoWithOrWithoutOffset(date, location))
                        .location(location)
                        .position(where);
                if (mapped.code() == MilestoneCode.DELIVERED) {
                    draft.proofOfDelivery(new ProofOfDelivery(null, null, null, DeliveryPlaces.fromText(description)));
                }
                milestones.add(draft.build(ids.next(description, date, text(event, "location"))));
            } catch (DateTimeParseException | NullPointerException ex) {
                document.problem(EntryProblem.invalid(where + ".date", number, "date " + date
                        + " is not an ISO 8601 time", "send the event as Australia Post formats it"));
            }
        }
        return milestones;
    }

    private static CodeMapping.Mapped lookup(String description) {
        if (description != null) {
            String lower = description.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, CodeMapping.Mapped> row : PREFIXES.entrySet()) {
                if (lower.startsWith(row.getKey().toLowerCase(Locale.ROOT))) {
                    return row.getValue();
                }
            }
        }
        return CODES.lookup(description);
    }

    /** Reads "BRISBANE QLD" into city and state; other texts are kept as the facility. */
    private static Location location(String text) {
        if (text == null) {
            return null;
        }
        int space = text.lastIndexOf(' ');
        String state = space < 0 ? null : text.substring(space + 1);
        if (state != null && STATES.contains(state)) {
            return new Location(null, text.substring(0, space), state, null, "AU", null);
        }
        return new Location(text, null, null, null, null, null);
    }

    private static void prefix(String prefix, MilestoneCode code) {
        PREFIXES.put(prefix, new CodeMapping.Mapped(code, null, true));
    }
}
