package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class TenantIsolationTest extends LedgerIntegrationTest {

    private static final String OTHER_TENANT = "globex";
    private static final String NOT_FOUND = "urn:waybill:problem:not-found";

    @Test
    void otherTenantsOrderHistoryAnswers404() {
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());

        other().get().uri("/api/v1/orders/{id}/history", orderId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        http.get().uri("/api/v1/orders/{id}/history", orderId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.eventCount").isEqualTo(1);
    }

    @Test
    void otherTenantsShipmentHistoryAnswers404() {
        String shipmentId = Shipments.createShipment(http, uniqueErpOrderNumber());

        other().get().uri("/api/v1/shipments/{id}/history", shipmentId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
    }

    @Test
    void otherTenantsOrderWritesAnswer404AndChangeNothing() {
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());
        long eventsBefore = eventsOf(orderId);

        other().post().uri("/api/v1/orders/{id}/hold", orderId).bodyValue("{\"reason\":\"probe\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        other().post().uri("/api/v1/orders/{id}/cancel", orderId).bodyValue("{\"reason\":\"probe\"}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        other().post().uri("/api/v1/orders/{id}/shipments", orderId).bodyValue("{}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);

        assertThat(eventsOf(orderId)).isEqualTo(eventsBefore);
    }

    @Test
    void otherTenantsShipmentWritesAnswer404() {
        String shipmentId = Shipments.createShipment(http, uniqueErpOrderNumber());

        other().post().uri("/api/v1/shipments/{id}/tender", shipmentId).bodyValue(Requests.tender("T-X")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        other().post().uri("/api/v1/shipments/{id}/milestones", shipmentId)
                .bodyValue(Requests.milestone("PICKED_UP", "2026-12-01T11:00:00Z", "evt-x")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);

        assertThat(eventsOf(shipmentId)).isEqualTo(1);
    }

    @Test
    void erpNumberReusedAcrossTenants() {
        String erpOrderNumber = uniqueErpOrderNumber();
        String ours = Shipments.releaseOrder(http, erpOrderNumber);
        String theirs = Shipments.releaseOrder(other(), erpOrderNumber);

        assertThat(theirs).isNotEqualTo(ours);
    }

    @Test
    void partnerSeesOnlyShipmentsTenderedToIt() {
        String ours = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), "fastpost");
        String another = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), "slowpost");

        partnerClient(TENANT, "fastpost").get().uri("/api/v1/partners/probe/shipments/{id}", ours).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.shipmentId").isEqualTo(ours);
        partnerClient(TENANT, "fastpost").get().uri("/api/v1/partners/probe/shipments/{id}", another).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        partnerClient(OTHER_TENANT, "fastpost").get().uri("/api/v1/partners/probe/shipments/{id}", ours).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
    }

    @Test
    void partnerWritesOnlyShipmentsTenderedToIt() {
        String ours = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), "fastpost");
        String another = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), "slowpost");
        String untendered = Shipments.createShipment(http, uniqueErpOrderNumber());

        partnerClient(TENANT, "fastpost").post().uri("/api/v1/partners/probe/shipments/{id}/milestones", ours)
                .bodyValue(milestone("fp-1")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.currentStatus").isEqualTo("PICKED_UP");
        partnerClient(TENANT, "fastpost").post().uri("/api/v1/partners/probe/shipments/{id}/milestones", another)
                .bodyValue(milestone("fp-2")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        partnerClient(TENANT, "fastpost").post().uri("/api/v1/partners/probe/shipments/{id}/milestones", untendered)
                .bodyValue(milestone("fp-3")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);
        partnerClient(OTHER_TENANT, "fastpost").post().uri("/api/v1/partners/probe/shipments/{id}/milestones", ours)
                .bodyValue(milestone("fp-4")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(NOT_FOUND);

        assertThat(eventsOf(another)).isEqualTo(2);
        assertThat(eventsOf(untendered)).isEqualTo(1);
        assertThat(eventsOf(ours)).isEqualTo(3);
    }

    @Test
    void partnerEventsNameThePartnerKeyInMetadata() {
        String shipmentId = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), "fastpost");

        partnerClient(TENANT, "fastpost").post().uri("/api/v1/partners/probe/shipments/{id}/milestones", shipmentId)
                .bodyValue(milestone("fp-meta")).exchange()
                .expectStatus().isCreated();

        String metadata = jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 2""", String.class, shipmentId);
        assertThat(Shipments.json(metadata).get("principal").asText()).isEqualTo("jwt:partner-fastpost");
        assertThat(Shipments.json(metadata).get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(Shipments.json(metadata).has("partnerId")).isFalse();
    }

    private WebTestClient other() {
        return clientFor(OTHER_TENANT, Role.PROCESS, Role.AUDITOR);
    }

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private static String milestone(String sourceEventId) {
        return """
                {"code":"PICKED_UP","occurredAt":"2026-12-01T11:00:00Z","sourceEventId":"%s"}""".formatted(sourceEventId);
    }
}
