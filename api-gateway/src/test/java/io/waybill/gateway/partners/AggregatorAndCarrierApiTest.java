package io.waybill.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.gateway.support.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AggregatorAndCarrierApiTest extends PartnerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void easyPostWebhookRecordsEveryDetailOnce() {
        String body = SharedData.read("easypost/event_tracker_updated_fedex_in_transit.json");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "FedEx", "1", "trk_1");

        JsonNode first = post(client, "/api/v1/partners/easypost/webhooks", body, MediaType.APPLICATION_JSON, 200);
        long eventsAfterFirst = eventCount();
        JsonNode again = post(client, "/api/v1/partners/easypost/webhooks", body, MediaType.APPLICATION_JSON, 200);

        assertAllRecorded(first, 7);
        assertThat(again.get("duplicates").asInt()).isEqualTo(7);
        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
        List<JsonNode> recorded = milestones(client, shipment);
        assertThat(recorded).hasSize(7);
        JsonNode last = recorded.get(6);
        assertThat(last.at("/payload/code").asText()).isEqualTo("IN_TRANSIT");
        assertThat(last.at("/payload/occurredAt").asText()).isEqualTo("2024-08-02T18:50:00Z");
        assertThat(last.at("/payload/rawCode").asText()).isEqualTo("in_transit/arrived_at_facility");
        assertThat(last.at("/payload/estimatedDelivery").asText()).isEqualTo("2024-08-05T00:00:00Z");
        assertThat(last.at("/payload/statusAfter").asText()).isEqualTo("IN_TRANSIT");
        assertThat(last.at("/metadata/source").asText()).isEqualTo("partner:easypost");
        assertThat(recorded.get(0).at("/payload/code").asText()).isEqualTo("UNKNOWN");
        assertThat(recorded.get(0).at("/payload/rawCode").asText()).isEqualTo("pre_transit/label_created");
    }

    @Test
    void fedexReplyRecordsAttemptsAndSignedDelivery() {
        String body = SharedData.read("active_shipping/fedex/tracking_response_delivered_at_facility.xml");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "FedEx Ground", "843119172384577", "12013~843119172384577~FDEG");

        JsonNode response = post(client, "/api/v1/partners/carriers/fedex/tracking", body, MediaType.APPLICATION_XML,
                200);

        assertAllRecorded(response, 19);
        List<JsonNode> recorded = milestones(client, shipment);
        JsonNode delivered = recorded.get(recorded.size() - 1);
        assertThat(delivered.at("/payload/code").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/payload/occurredAt").asText()).isEqualTo("2014-01-09T02:03:00Z");
        assertThat(delivered.at("/payload/proofOfDelivery/signer").asText()).isEqualTo("TBERG");
        assertThat(delivered.at("/payload/proofOfDelivery/place").asText()).isEqualTo("PICKUP_POINT");
        assertThat(delivered.at("/payload/failedAttempts").asInt()).isEqualTo(3);
        assertThat(delivered.at("/metadata/partnerLocalTime").asText()).isEqualTo("2014-01-08T18:03:00-08:00");
        assertThat(delivered.at("/metadata/partnerUtcOffset").asText()).isEqualTo("-08:00");
        JsonNode attempt = recorded.stream().filter(m -> "DELIVERY_ATTEMPT_FAILED".equals(m.at("/payload/code").asText()))
                .findFirst().orElseThrow();
        assertThat(attempt.at("/payload/reason").asText()).isEqualTo("RECIPIENT_NOT_AVAILABLE");
        assertThat(attempt.at("/payload/rawReason").asText()).isEqualTo("007 Customer not available or business closed");
    }

    @Test
    void upsLocalTimesTakeTheActivityZone() {
        String body = SharedData.read("active_shipping/ups/delivered_shipment_with_refund.xml");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "UPS", "1Z4189020353476816", "RMA# 2013-265");

        JsonNode response = post(client, "/api/v1/partners/carriers/ups/tracking", body, MediaType.APPLICATION_XML, 200);

        assertAllRecorded(response, 11);
        List<JsonNode> recorded = milestones(client, shipment);
        JsonNode billing = recorded.get(0);
        assertThat(billing.at("/metadata/partnerTimeBasis").asText()).isEqualTo("LOCAL_UNRESOLVED");
        JsonNode delivered = recorded.stream().filter(m -> "DELIVERED".equals(m.at("/payload/code").asText()))
                .findFirst().orElseThrow();
        assertThat(delivered.at("/payload/occurredAt").asText()).isEqualTo("2013-12-09T21:17:00Z");
        assertThat(delivered.at("/metadata/partnerTimeBasis").asText()).isEqualTo("LOCATION_ZONE");
        assertThat(delivered.at("/payload/proofOfDelivery/signer").asText()).isEqualTo("OAKFIELD");
        JsonNode refund = recorded.get(recorded.size() - 1);
        assertThat(refund.at("/payload/rawCode").asText()).isEqualTo("X/DM");
        assertThat(refund.at("/payload/conflict").asBoolean()).as("activity after delivery is flagged").isTrue();
    }

    @Test
    void sharedTrackingNumberNeedsPartnerReference() {
        String body = SharedData.read("karrio/fedex_track_api_v1.json");
        WebTestClient client = tenantClient();
        tenderedShipment(client, "fedex", "123456789012", "999999~123456789012~FDEG");
        String reused = tenderedShipment(client, "fedex", "123456789012", "245822~123456789012~FDEG");

        JsonNode response = post(client, "/api/v1/partners/carriers/fedex/tracking", body,
                MediaType.APPLICATION_JSON, 200);

        List<JsonNode> results = results(response);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).get("shipmentId").asText()).isEqualTo(reused);
        assertThat(results.get(0).get("reason").asText()).isEqualTo("WEATHER");
        assertThat(results.get(1).get("status").asInt()).as("FedEx reported the second number unknown")
                .isEqualTo(422);
        assertThat(milestones(client, reused)).hasSize(1);
    }

    @Test
    void ambiguousTrackingNumberIsAConflict() {
        String body = SharedData.read("active_shipping/ups/out_for_delivery_shipment.xml");
        WebTestClient client = tenantClient();
        tenderedShipment(client, "UPS", "1ZW22A280305086608", "other-1");
        tenderedShipment(client, "UPS", "1ZW22A280305086608", "other-2");

        JsonNode response = post(client, "/api/v1/partners/carriers/ups/tracking", body, MediaType.APPLICATION_XML,
                200);

        assertThat(response.get("rejected").asInt()).isEqualTo(5);
        JsonNode problem = results(response).get(0).get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asText()).contains("belongs to 2 shipments");
    }

    @Test
    void unknownTrackingNumberIsReportedPerItem() {
        String body = SharedData.read("shippo/track_usps_delivered.json");
        WebTestClient client = tenantClient();

        JsonNode response = post(client, "/api/v1/partners/shippo/webhooks", body, MediaType.APPLICATION_JSON, 200);

        assertThat(response.get("rejected").asInt()).isEqualTo(11);
        assertThat(results(response).get(0).at("/problem/status").asInt()).isEqualTo(404);
        assertThat(results(response).get(0).at("/problem/position").asText()).isEqualTo("tracking_history[0]");
    }

    @Test
    void unknownCodeIsCountedNotFailed() {
        String body = SharedData.read("karrio/dhl_express_xmlpi_known_tracking_response.xml");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "DHL", "1815115363", "dhl-1");
        Counter counter = meters.counter("waybill.partner.unknown.codes", "partner", "dhl", "code", "RW");
        double before = counter.count();

        JsonNode response = post(client, "/api/v1/partners/carriers/dhl/tracking", body, MediaType.APPLICATION_XML,
                200);

        List<JsonNode> recorded = milestones(client, shipment);
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(1).at("/payload/code").asText()).isEqualTo("UNKNOWN");
        assertThat(recorded.get(1).at("/payload/rawCode").asText()).isEqualTo("RW");
        assertThat(counter.count() - before).isEqualTo(1.0);
        assertThat(response.get("recorded").asInt()).isEqualTo(2);
    }

    @Test
    void badEntryIsReportedWhileOthersAreRecorded() {
        String body = SharedData.read("shippo/track_usps_delivered.json")
                .replace("\"2016-12-07T20:19:00Z\"", "\"yesterday\"");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "usps", "9205590164917337534322", "shippo-1");

        JsonNode response = post(client, "/api/v1/partners/shippo/webhooks", body, MediaType.APPLICATION_JSON, 200);

        assertThat(response.get("recorded").asInt()).isEqualTo(10);
        assertThat(response.get("rejected").asInt()).isEqualTo(1);
        JsonNode bad = results(response).stream().filter(result -> result.has("problem")).findFirst().orElseThrow();
        assertThat(bad.get("position").asText()).isEqualTo("tracking_history[3].status_date");
        assertThat(bad.at("/problem/detail").asText()).contains("yesterday");
        assertThat(milestones(client, shipment)).hasSize(10);
    }

    @Test
    void outOfOrderDeliveryKeepsDeliveredStatus() {
        String body = SharedData.read("active_shipping/usps/tracking_response.xml");
        String onlyDelivered = body.replaceAll("(?s)<TrackDetail>.*</TrackDetail>", "");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "USPS", "9102901000462189604217", "usps-1");

        post(client, "/api/v1/partners/carriers/usps/tracking", onlyDelivered, MediaType.APPLICATION_XML, 200);
        JsonNode late = post(client, "/api/v1/partners/carriers/usps/tracking", body, MediaType.APPLICATION_XML, 200);

        assertThat(late.get("recorded").asInt()).isEqualTo(9);
        assertThat(late.get("duplicates").asInt()).isEqualTo(1);
        assertThat(results(late)).allSatisfy(result -> assertThat(result.get("currentStatus").asText())
                .isEqualTo("DELIVERED"));
        assertThat(milestones(client, shipment)).hasSize(10);
    }

    @Test
    void malformedXmlStoresNothing() {
        String body = SharedData.read("active_shipping/canadapost_pws/tracking_details_en.xml")
                .replace("</event-date>", "</event-dat>");
        WebTestClient client = tenantClient();
        tenderedShipment(client, "Canada Post", "1371134583769923", "955-0398");
        long before = eventCount();

        JsonNode problem = post(client, "/api/v1/partners/carriers/canadapost/tracking", body,
                MediaType.APPLICATION_XML, 400);

        assertThat(problem.get("type").asText()).isEqualTo("urn:waybill:problem:malformed-payload");
        assertThat(problem.get("line").asInt()).isEqualTo(33);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String body = SharedData.read("aftership/get_trackings.json").replaceFirst("\"tag\": \"Delivered\",", "\"tag\": ,");
        WebTestClient client = tenantClient();
        long before = eventCount();

        JsonNode problem = post(client, "/api/v1/partners/aftership/trackings", body, MediaType.APPLICATION_JSON, 400);

        assertThat(problem.get("line").asInt()).isPositive();
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(problem.get("detail").asText()).contains("at line");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unsupportedCarrierIsNotFound() {
        WebTestClient client = tenantClient();

        JsonNode problem = post(client, "/api/v1/partners/carriers/pigeon/tracking", "<x/>", MediaType.APPLICATION_XML,
                404);

        assertThat(problem.get("value").asText()).contains("pigeon");
    }

    @Test
    void landmarkLocalTimesKeepDocumentOrder() {
        String body = SharedData.read("karrio/landmark_track_multi_leg_delivered.xml");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "Landmark", "RR123456789IE", "LTN450000001N1");

        JsonNode response = post(client, "/api/v1/partners/carriers/landmark/tracking", body,
                MediaType.APPLICATION_XML, 200);

        assertAllRecorded(response, 7);
        List<JsonNode> recorded = milestones(client, shipment);
        JsonNode delivered = recorded.get(6);
        assertThat(delivered.at("/payload/code").asText()).as("stored last, as the document lists it")
                .isEqualTo("DELIVERED");
        assertThat(delivered.at("/metadata/partnerTimeBasis").asText()).isEqualTo("LOCAL_UNRESOLVED");
        assertThat(delivered.at("/payload/statusAfter").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void dpdTakesParcelNumberFromQuery() {
        String body = SharedData.read("karrio/dpd_parcel_lifecycle_soap.xml");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "DPD", "05212345678901", "dpd-1");

        JsonNode response = post(client, "/api/v1/partners/carriers/dpd/tracking?trackingNumber=05212345678901", body,
                MediaType.APPLICATION_XML, 200);

        assertAllRecorded(response, 15);
        assertThat(results(response).get(14).get("currentStatus").asText()).isEqualTo("PICKED_UP");
        List<JsonNode> recorded = milestones(client, shipment);
        assertThat(recorded.get(14).at("/payload/failedAttempts").asInt()).isEqualTo(2);
        assertThat(recorded.get(14).at("/payload/statusAfter").asText()).isEqualTo("PICKED_UP");
    }

    @Test
    void easyPostLabelFeesBecomeExpectedCharges() {
        String body = SharedData.read("easypost/shipment_buy_response.json");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "USPS", "9400100208303109505657",
                "shp_16578f588f9546ec914afd2474e24ff5");

        JsonNode response = post(client, "/api/v1/partners/easypost/shipments", body, MediaType.APPLICATION_JSON, 200);

        assertAllRecorded(response, 1);
        JsonNode expected = null;
        for (JsonNode event : history(client, shipment).get("events")) {
            if ("ExpectedChargesRecorded".equals(event.get("type").asText())) {
                expected = event;
            }
        }
        assertThat(expected).isNotNull();
        assertThat(expected.at("/payload/quoteReference").asText()).isEqualTo("rate_4d1f36fa716c4b1292cacbdf19227c2d");
        assertThat(expected.at("/payload/lines/1/amount/amount").decimalValue()).isEqualByComparingTo("6.07");
        assertThat(expected.at("/payload/occurredAt").asText()).isEqualTo("2025-03-07T16:46:20Z");
    }
}
