package io.waybill.adapters.aggregator;

import static io.waybill.adapters.MappedAssertionsAccess.codes;
import static io.waybill.adapters.MappedAssertionsAccess.last;
import static io.waybill.adapters.MappedAssertionsAccess.sourceEventIds;
import static io.waybill.adapters.MappedAssertionsAccess.utcTimes;
import static io.waybill.shipment.api.MilestoneCode.DELIVERED;
import static io.waybill.shipment.api.MilestoneCode.EXCEPTION;
import static io.waybill.shipment.api.MilestoneCode.IN_TRANSIT;
import static io.waybill.shipment.api.MilestoneCode.OUT_FOR_DELIVERY;
import static io.waybill.shipment.api.MilestoneCode.PICKED_UP;
import static io.waybill.shipment.api.MilestoneCode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.SharedData;
import io.waybill.adapters.TimeBasis;
import io.waybill.shipment.api.DeliveryPlace;
import io.waybill.shipment.api.ReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorMappersTest {

    @Test
    void easyPostWebhookInTransit() {
        MappedDocument document = EasyPostMapper.map(SharedData.read("easypost/event_tracker_updated_fedex_in_transit.json"));

        assertThat(codes(document)).containsExactly(UNKNOWN, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT);
        PartnerMilestone latest = last(document);
        assertThat(latest.carrier()).isEqualTo("fedex");
        assertThat(latest.trackingNumber()).isEqualTo("1");
        assertThat(latest.partnerReferences()).containsExactly("trk_1");
        assertThat(latest.occurredAt()).hasToString("2024-08-02T18:50:00Z");
        assertThat(latest.location().city()).isEqualTo("EDISON");
        assertThat(latest.estimatedDelivery()).hasToString("2024-08-05T00:00:00Z");
        assertThat(document.milestones().get(0).codeMapped()).as("pre_transit is a known annotation").isTrue();
        assertThat(document.milestones()).allSatisfy(m -> assertThat(m.time().basis()).isEqualTo(TimeBasis.UTC_GIVEN));
    }

    @Test
    void easyPostTrackerPreTransit() {
        MappedDocument document = EasyPostMapper.map(SharedData.read("easypost/tracker_retrieve_usps_pre_transit.json"));

        assertThat(codes(document)).containsExactly(UNKNOWN, UNKNOWN);
        assertThat(last(document).rawCode()).isEqualTo("pre_transit/status_update");
        assertThat(last(document).description()).isEqualTo("Shipping Label Created");
        assertThat(last(document).carrier()).isEqualTo("usps");
    }

    @Test
    void easyPostOtherEventIsIgnored() {
        MappedDocument document = EasyPostMapper.map("""
                {"object":"Event","description":"refund.successful","result":{"object":"Refund"}}""");

        assertThat(document.milestones()).isEmpty();
        assertThat(document.warnings()).singleElement().asString().contains("refund.successful");
    }

    @Test
    void easyPostRedeliveryKeepsIds() {
        String body = SharedData.read("easypost/event_tracker_updated_fedex_in_transit.json");

        assertThat(sourceEventIds(EasyPostMapper.map(body))).isEqualTo(sourceEventIds(EasyPostMapper.map(body)))
                .doesNotHaveDuplicates();
    }

    @Test
    void easyPostMalformedNamesPosition() {
        String body = SharedData.read("easypost/tracker_retrieve_usps_pre_transit.json").replace("\"mode\": \"test\",",
                "\"mode\": \"test\"");

        assertThatThrownBy(() -> EasyPostMapper.map(body)).isInstanceOfSatisfying(MalformedPayloadException.class,
                e -> assertThat(e.position()).isEqualTo("line 5, column 3"));
    }

    @Test
    void shippoDeliveredToMailbox() {
        MappedDocument document = ShippoMapper.map(SharedData.read("shippo/track_usps_delivered.json"));

        assertThat(codes(document)).containsExactly(UNKNOWN, UNKNOWN, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        PartnerMilestone delivered = last(document);
        assertThat(delivered.occurredAt()).hasToString("2016-12-08T15:19:00Z");
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.MAILBOX);
        assertThat(delivered.sourceEventId()).isEqualTo("shippo:9205590164917337534322:aa67f68af28140d7a30b68f0f4d57f2d");
        assertThat(delivered.location().postalCode()).isEqualTo("94705");
    }

    @Test
    void shippoWebhookWrapperIsUnwrapped() {
        String track = SharedData.read("shippo/track_usps_delivered.json");

        MappedDocument document = ShippoMapper.map("{\"event\":\"track_updated\",\"test\":true,\"data\":" + track + "}");

        assertThat(document.milestones()).hasSize(11);
        assertThat(document.milestones().get(0).position()).isEqualTo("data.tracking_history[0]");
    }

    @Test
    void shippoOutOfOrderHistoryKeepsIds() {
        String body = SharedData.read("shippo/track_usps_delivered.json");
        String reversed = reverseArray(body, "\"tracking_history\": [");

        assertThat(reversed).isNotEqualTo(body);
        assertThat(sourceEventIds(ShippoMapper.map(reversed)))
                .containsExactlyInAnyOrderElementsOf(sourceEventIds(ShippoMapper.map(body)));
    }

    @Test
    void shippoMalformed() {
        assertThatThrownBy(() -> ShippoMapper.map("{\"tracking_number\": \"1\", \"tracking_history\": [}"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void afterShipTrackingsWithExceptionAndFrontDoor() {
        MappedDocument document = AfterShipMapper.map(SharedData.read("aftership/get_trackings.json"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, EXCEPTION, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(utcTimes(document).get(1)).isEqualTo("2018-07-31T20:47:00Z");
        PartnerMilestone exception = document.milestones().get(4);
        assertThat(exception.reason()).isEqualTo(ReasonCode.UNKNOWN);
        assertThat(exception.rawReason()).isEqualTo("Exception_001 Exception");
        assertThat(exception.description()).contains("Barcode label unreadable");
        PartnerMilestone delivered = last(document);
        assertThat(delivered.occurredAt()).hasToString("2018-08-01T17:19:47Z");
        assertThat(delivered.time().utcOffset()).isEqualTo("-04:00");
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.FRONT_DOOR);
        assertThat(delivered.proofOfDelivery().signer()).as("'Signature not required' is no signer").isNull();
        assertThat(document.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("no checkpoints"));
    }

    @Test
    void afterShipCheckpointWithoutOffsetTakesLocationZone() {
        String body = SharedData.read("aftership/get_trackings.json")
                .replace("\"2018-08-01T13:19:47-04:00\"", "\"2018-08-01T13:19:47\"");

        PartnerMilestone delivered = last(AfterShipMapper.map(body));

        assertThat(delivered.occurredAt()).hasToString("2018-08-01T17:19:47Z");
        assertThat(delivered.time().basis()).isEqualTo(TimeBasis.LOCATION_ZONE);
    }

    @Test
    void afterShipRedeliveryKeepsIds() {
        String body = SharedData.read("aftership/get_trackings.json");

        assertThat(sourceEventIds(AfterShipMapper.map(body))).isEqualTo(sourceEventIds(AfterShipMapper.map(body)))
                .doesNotHaveDuplicates();
    }

    @Test
    void afterShipMalformed() {
        assertThatThrownBy(() -> AfterShipMapper.map("{\"meta\":{}}"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("data.trackings");
    }

    /** Reverses the objects of the first JSON array after {@code marker}; the samples' arrays hold flat objects. */
    static String reverseArray(String json, String marker) {
        int start = json.indexOf(marker) + marker.length();
        int depth = 0;
        int end = start;
        List<String> items = new ArrayList<>();
        int itemStart = -1;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    itemStart = i;
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    items.add(json.substring(itemStart, i + 1));
                }
            } else if (c == ']' && depth == 0) {
                end = i;
                break;
            }
        }
        Collections.reverse(items);
        return json.substring(0, start) + String.join(",", items) + json.substring(end);
    }
}
