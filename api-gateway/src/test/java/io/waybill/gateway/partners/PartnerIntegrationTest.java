package io.waybill.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * Base of the partner API tests. Each test works in a tenant of its own, because the shared
 * ledger keeps the tenders of earlier tests and real samples reuse tracking numbers.
 */
abstract class PartnerIntegrationTest extends LedgerIntegrationTest {

    /** The delivery platform the tests tender to; partner calls are made as this partner. */
    protected static final String PROVIDER = "sandbox";

    /**
     * Returns a client of a new tenant. Partner paths are called as partner {@value #PROVIDER},
     * which may only touch shipments tendered to it; every other path as a process user.
     */
    protected WebTestClient tenantClient() {
        String tenant = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        String processToken = token("test-user", tenant, null, Role.PROCESS, Role.AUDITOR);
        String partnerToken = token("partner-" + PROVIDER, tenant, PROVIDER, Role.PARTNER);
        return clientFor(tenant, Role.PROCESS, Role.AUDITOR).mutate()
                .filter((request, next) -> {
                    boolean partnerPath = request.url().getPath().startsWith("/api/v1/partners/");
                    String bearer = partnerPath ? partnerToken : processToken;
                    return next.exchange(ClientRequest.from(request)
                            .headers(headers -> headers.setBearerAuth(bearer))
                            .build());
                })
                .build();
    }

    /** Releases an order, opens a shipment and tenders it with this carrier and tracking number; returns its id. */
    protected String tenderedShipment(WebTestClient client, String carrier, String trackingNumber,
                                      String providerShipmentId) {
        JsonNode order = client.post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String orderId = order.get("orderId").asText();
        JsonNode shipment = client.post().uri("/api/v1/orders/" + orderId + "/shipments").bodyValue("{}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String shipmentId = shipment.get("shipmentId").asText();
        client.post().uri("/api/v1/shipments/" + shipmentId + "/tender").bodyValue("""
                        {"providerId":"sandbox","providerShipmentId":"%s","trackingNumber":"%s","carrier":"%s",
                         "occurredAt":"2000-01-01T00:00:00Z"}""".formatted(providerShipmentId, trackingNumber, carrier))
                .exchange().expectStatus().isOk();
        return shipmentId;
    }

    protected JsonNode post(WebTestClient client, String path, String body, MediaType type, int status) {
        return client.post().uri(path).contentType(type).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected JsonNode history(WebTestClient client, String shipmentId) {
        return client.get().uri("/api/v1/shipments/" + shipmentId + "/history")
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Returns the payloads of the shipment's MilestoneRecorded events, in the order the ledger stored them. */
    protected List<JsonNode> milestones(WebTestClient client, String shipmentId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : history(client, shipmentId).get("events")) {
            if ("MilestoneRecorded".equals(event.get("type").asText())) {
                found.add(event);
            }
        }
        return found;
    }

    protected static List<JsonNode> results(JsonNode response) {
        List<JsonNode> results = new ArrayList<>();
        response.get("results").forEach(results::add);
        return results;
    }

    protected static void assertAllRecorded(JsonNode response, int count) {
        assertThat(response.get("recorded").asInt()).as("recorded items of %s", response).isEqualTo(count);
        assertThat(response.get("rejected").asInt()).isZero();
    }
}
