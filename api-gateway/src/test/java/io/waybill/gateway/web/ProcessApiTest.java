package io.waybill.gateway.web;

import static io.waybill.gateway.support.Requests.milestone;
import static io.waybill.gateway.support.Requests.release;
import static io.waybill.gateway.support.Requests.tender;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class ProcessApiTest extends LedgerIntegrationTest {

    @Test
    void releaseCreatesOrderWithLocation() {
        String erp = uniqueErpOrderNumber();

        JsonNode body = http.post().uri("/api/v1/orders").bodyValue(release(erp))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/orders/[0-9a-f-]{36}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("created").asBoolean()).isTrue();
        assertThat(body.get("orderId").asText()).hasSize(36);
    }

    @Test
    void releaseAgainReturnsExistingOrder() {
        String erp = uniqueErpOrderNumber();
        String first = releaseOrder(erp);
        long events = eventCount();

        JsonNode again = http.post().uri("/api/v1/orders").bodyValue(release(erp))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(again.get("orderId").asText()).isEqualTo(first);
        assertThat(again.get("created").asBoolean()).isFalse();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void conflictingReleaseIsRejectedAndStoresNothing() {
        String erp = uniqueErpOrderNumber();
        releaseOrder(erp);
        long events = eventCount();

        JsonNode problem = http.post().uri("/api/v1/orders").bodyValue(release(erp).replace("120.00", "99.00"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("type").asText()).isEqualTo("urn:waybill:problem:conflict");
        assertThat(problem.get("field").asText()).isEqualTo("erpOrderNumber");
        assertThat(problem.get("value").asText()).isEqualTo(erp);
        assertThat(problem.get("fix").asText()).contains("new ERP order number");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void malformedBodyNamesPositionAndStoresNothing() {
        long events = eventCount();

        JsonNode problem = http.post().uri("/api/v1/orders").bodyValue("{\"erpOrderNumber\": \"SO-1\",\n \"lines\": [")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("type").asText()).isEqualTo("urn:waybill:problem:malformed-json");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.has("fix")).isTrue();
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void missingFieldIsNamedAndStoresNothing() {
        long events = eventCount();
        String withoutCity = release(uniqueErpOrderNumber()).replace("\"city\":\"Sao Paulo\",", "");

        JsonNode problem = http.post().uri("/api/v1/orders").bodyValue(withoutCity)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("shipTo.city");
        assertThat(problem.get("fix").asText()).isEqualTo("give a non-empty shipTo.city");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void wrongTypeNamesFieldAndValue() {
        String badDate = release(uniqueErpOrderNumber()).replace("2026-12-10", "next tuesday");

        JsonNode problem = http.post().uri("/api/v1/orders").bodyValue(badDate)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("promisedDelivery.latestDate");
        assertThat(problem.get("value").asText()).isEqualTo("next tuesday");
        assertThat(problem.get("fix").asText()).contains("2026-03-01");
    }

    @Test
    void unknownShipmentIsNotFoundAndStoresNothing() {
        long events = eventCount();

        JsonNode problem = http.post().uri("/api/v1/shipments/6f1c1d6e-0000-4000-8000-000000000000/milestones")
                .bodyValue(milestone("IN_TRANSIT", "2026-12-02T10:00:00Z", "ev-unknown"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("shipmentId");
        assertThat(problem.get("value").asText()).isEqualTo("6f1c1d6e-0000-4000-8000-000000000000");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void shipmentForUnknownOrderIsNotFound() {
        JsonNode problem = http.post().uri("/api/v1/orders/6f1c1d6e-0000-4000-8000-000000000001/shipments")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("orderId");
    }

    @Test
    void milestonesRecordDuplicateLateAndConflict() {
        String shipmentId = tenderedShipment();
        String path = "/api/v1/shipments/" + shipmentId + "/milestones";

        assertOutcome(path, milestone("PICKED_UP", "2026-12-02T08:00:00Z", "ev-1"), HttpStatus.CREATED,
                "RECORDED", "PICKED_UP");
        assertOutcome(path, milestone("DELIVERED", "2026-12-02T15:00:00Z", "ev-3"), HttpStatus.CREATED,
                "RECORDED", "DELIVERED");
        assertOutcome(path, milestone("DELIVERED", "2026-12-02T15:00:00Z", "ev-3"), HttpStatus.OK,
                "DUPLICATE", "DELIVERED");
        assertOutcome(path, milestone("OUT_FOR_DELIVERY", "2026-12-02T11:00:00Z", "ev-2"), HttpStatus.CREATED,
                "RECORDED_LATE", "DELIVERED");
        assertOutcome(path, milestone("IN_TRANSIT", "2026-12-03T09:00:00Z", "ev-4"), HttpStatus.CREATED,
                "RECORDED_CONFLICT", "DELIVERED");
    }

    @Test
    void failedAttemptsAreCounted() {
        String shipmentId = tenderedShipment();
        String path = "/api/v1/shipments/" + shipmentId + "/milestones";
        http.post().uri(path).bodyValue(milestone("OUT_FOR_DELIVERY", "2026-12-02T08:00:00Z", "a-1"))
                .exchange().expectStatus().isCreated();

        JsonNode result = http.post().uri(path).bodyValue("""
                        {"code":"DELIVERY_ATTEMPT_FAILED","occurredAt":"2026-12-02T12:00:00Z","sourceEventId":"a-2",
                         "rawCode":"NH","rawReason":"NO ONE HOME","attemptNumber":1}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(result.get("failedAttempts").asInt()).isEqualTo(1);
        assertThat(result.get("currentStatus").asText()).isEqualTo("DELIVERY_ATTEMPT_FAILED");
    }

    @Test
    void cancelAfterPickupIsConflict() {
        String erp = uniqueErpOrderNumber();
        String orderId = releaseOrder(erp);
        String shipmentId = createAndTender(orderId, "T" + erp.substring(3, 15));
        http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .bodyValue(milestone("PICKED_UP", "2026-12-02T08:00:00Z", "p-1"))
                .exchange().expectStatus().isCreated();

        JsonNode problem = http.post().uri("/api/v1/orders/" + orderId + "/cancel")
                .bodyValue("{\"reason\":\"customer changed mind\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("detail").asText()).contains("already with a carrier");
    }

    @Test
    void holdAndReleaseHoldChangeStatus() {
        String orderId = releaseOrder(uniqueErpOrderNumber());

        http.post().uri("/api/v1/orders/" + orderId + "/hold").bodyValue("{\"reason\":\"credit check\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ON_HOLD");
        http.post().uri("/api/v1/orders/" + orderId + "/hold-release").bodyValue("{\"reason\":\"credit ok\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        http.post().uri("/api/v1/orders/" + orderId + "/hold-release").bodyValue("{\"reason\":\"again\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void batchAnswersEachItem() {
        String shipmentId = tenderedShipment();
        String batch = """
                {"milestones":[
                  {"shipmentId":"%1$s","code":"PICKED_UP","occurredAt":"2026-12-02T08:00:00Z","sourceEventId":"b-1"},
                  {"shipmentId":"%1$s","code":"IN_TRANSIT","sourceEventId":"b-2"},
                  {"shipmentId":"not-a-uuid","code":"IN_TRANSIT","occurredAt":"2026-12-02T09:00:00Z","sourceEventId":"b-3"},
                  {"shipmentId":"%1$s","code":"PICKED_UP","occurredAt":"2026-12-02T08:00:00Z","sourceEventId":"b-1"},
                  {"shipmentId":"%1$s","code":"IN_TRANSIT","occurredAt":"2026-12-02T10:00:00Z","sourceEventId":"b-4"}
                ]}""".formatted(shipmentId);

        JsonNode body = http.post().uri("/api/v1/milestones/batch").bodyValue(batch)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("received").asInt()).isEqualTo(5);
        assertThat(body.get("recorded").asInt()).isEqualTo(2);
        assertThat(body.get("duplicates").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = body.get("results");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("problem").get("field").asText()).isEqualTo("milestones[1].occurredAt");
        assertThat(results.get(2).get("problem").get("field").asText()).isEqualTo("milestones[2].shipmentId");
        assertThat(results.get(3).get("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(results.get(4).get("currentStatus").asText()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void batchOverLimitIsRejected() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= ShipmentController.MAX_BATCH; i++) {
            items.append(i == 0 ? "" : ",").append("{\"shipmentId\":\"x\"}");
        }

        http.post().uri("/api/v1/milestones/batch").bodyValue("{\"milestones\":[" + items + "]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("milestones");
    }

    @Test
    void historyListsEventsWithMetadata() {
        String shipmentId = tenderedShipment();
        http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .header("X-Correlation-Id", "walkthrough-42")
                .bodyValue(milestone("PICKED_UP", "2026-12-02T08:00:00Z", "h-1"))
                .exchange().expectStatus().isCreated();

        JsonNode history = http.get().uri("/api/v1/shipments/" + shipmentId + "/history")
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode events = history.get("events");
        assertThat(history.get("eventCount").asInt()).isEqualTo(3);
        assertThat(events.get(0).get("type").asText()).isEqualTo("ShipmentCreated");
        assertThat(events.get(1).get("type").asText()).isEqualTo("ShipmentTendered");
        JsonNode milestone = events.get(2);
        assertThat(milestone.get("type").asText()).isEqualTo("MilestoneRecorded");
        assertThat(milestone.get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(milestone.get("revision").asText()).isEqualTo("1");
        assertThat(milestone.get("occurredAt").asText()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(milestone.get("recordedAt").asText()).isNotEqualTo(milestone.get("occurredAt").asText());
        assertThat(milestone.get("metadata").get("correlationId").asText()).isEqualTo("walkthrough-42");
        assertThat(milestone.get("metadata").get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(milestone.get("metadata").get("source").asText()).isEqualTo("api:process");
        assertThat(milestone.get("metadata").get("causationId").asText()).hasSize(36);
        assertThat(milestone.get("payload").get("sourceEventId").asText()).isEqualTo("h-1");
    }

    @Test
    void otherTenantCannotReadHistory() {
        String shipmentId = tenderedShipment();

        clientFor("globex", Role.AUDITOR).get().uri("/api/v1/shipments/" + shipmentId + "/history")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void otherTenantCannotRecordMilestones() {
        String shipmentId = tenderedShipment();
        long events = eventCount();

        clientFor("globex", Role.PROCESS).post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .bodyValue(milestone("PICKED_UP", "2026-12-02T08:00:00Z", "x-1"))
                .exchange()
                .expectStatus().isNotFound();

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void openApiListsProcessEndpoints() {
        JsonNode document = http.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(document.get("paths").has("/api/v1/orders")).isTrue();
        assertThat(document.get("paths").has("/api/v1/milestones/batch")).isTrue();
        assertThat(document.get("paths").has("/api/v1/shipments/{shipmentId}/history")).isTrue();
    }

    @Test
    void databaseCommitsSynchronously() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void amountBeyondColumnsIsRejected() {
        long events = eventCount();
        String huge = release(uniqueErpOrderNumber()).replace("49.90", "1e16");

        JsonNode problem = http.post().uri("/api/v1/orders").bodyValue(huge)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("lines[0].unitPrice");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void currencyWithoutMinorUnitsIsRejected() {
        JsonNode problem = http.post().uri("/api/v1/orders")
                .bodyValue(release(uniqueErpOrderNumber()).replace("\"BRL\"", "\"XXX\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("currency");
        assertThat(problem.get("value").asText()).isEqualTo("XXX");
    }

    @Test
    void nulCharacterIsRejected() {
        String shipmentId = tenderedShipment();
        long events = eventCount();

        JsonNode problem = http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .bodyValue("""
                        {"code":"IN_TRANSIT","occurredAt":"2026-12-02T09:00:00Z","sourceEventId":"nul-1",
                         "description":"a\\u0000b"}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("field").asText()).isEqualTo("description");
        assertThat(problem.get("fix").asText()).contains("NUL");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void trailingContentIsMalformed() {
        String shipmentId = tenderedShipment();

        http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .bodyValue(milestone("IN_TRANSIT", "2026-12-02T09:00:00Z", "trail-1") + " garbage")
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void bodyShipmentIdMustMatchPath() {
        String shipmentId = tenderedShipment();
        String other = tenderedShipment();

        http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .bodyValue("""
                        {"shipmentId":"%s","code":"PICKED_UP","occurredAt":"2026-12-02T08:00:00Z",
                         "sourceEventId":"mm-1"}""".formatted(other))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("shipmentId");
    }

    @Test
    void releaseInFarFutureIsRejected() {
        http.post().uri("/api/v1/orders")
                .bodyValue(release(uniqueErpOrderNumber()).replace("2026-12-01T09:00:00Z", "2099-01-01T00:00:00Z"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("releasedAt");
    }

    @Test
    void batchItemOfWrongShapeFailsAlone() {
        String shipmentId = tenderedShipment();
        String batch = """
                {"milestones":[
                  {"shipmentId":"%1$s","code":"PICKED_UP","occurredAt":"2026-12-02T08:00:00Z","sourceEventId":"w-1"},
                  {"shipmentId":"%1$s","code":"BOGUS","occurredAt":"2026-12-02T09:00:00Z","sourceEventId":"w-2"},
                  5
                ]}""".formatted(shipmentId);

        JsonNode body = http.post().uri("/api/v1/milestones/batch").bodyValue(batch)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("recorded").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        assertThat(body.get("results").get(1).get("problem").get("field").asText()).isEqualTo("milestones[1].code");
        assertThat(body.get("results").get(2).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void otherTenantsOrderListsAreNotFound() {
        String erp = uniqueErpOrderNumber();
        String orderId = releaseOrder(erp);

        clientFor("globex", Role.PROCESS, Role.FINANCE).get().uri("/api/v1/orders/" + orderId + "/shipments")
                .exchange()
                .expectStatus().isNotFound();
        clientFor("globex", Role.PROCESS, Role.FINANCE).get().uri("/api/v1/orders/" + orderId + "/journal")
                .exchange()
                .expectStatus().isNotFound();
    }

    private void assertOutcome(String path, String body, HttpStatus status, String outcome, String currentStatus) {
        http.post().uri(path).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.outcome").isEqualTo(outcome)
                .jsonPath("$.currentStatus").isEqualTo(currentStatus);
    }

    private String releaseOrder(String erp) {
        return http.post().uri("/api/v1/orders").bodyValue(release(erp))
                .exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("orderId").asText();
    }

    private String tenderedShipment() {
        String erp = uniqueErpOrderNumber();
        return createAndTender(releaseOrder(erp), "T" + erp.substring(3, 15));
    }

    private String createAndTender(String orderId, String trackingNumber) {
        String shipmentId = http.post().uri("/api/v1/orders/" + orderId + "/shipments").bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("shipmentId").asText();
        http.post().uri("/api/v1/shipments/" + shipmentId + "/tender").bodyValue(tender(trackingNumber))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("TENDERED");
        return shipmentId;
    }
}
