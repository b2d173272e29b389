package io.waybill.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.ShipmentId;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Routing with no configuration: a released order of a tenant without settings of its own is
 * routed to the built-in sandbox and tendered, while tenant {@value #TENANT}, which the tests
 * switch off, keeps shipping by hand.
 */
class ShipmentRoutingIntegrationTest extends LedgerIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private OrderId release(String tenant, String body) {
        JsonNode response = clientFor(tenant, Role.PROCESS).post().uri("/api/v1/orders")
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return OrderId.parse(response.get("orderId").asText());
    }

    private List<JsonNode> history(String tenant, String path) {
        JsonNode body = clientFor(tenant, Role.AUDITOR).get().uri(path)
                .exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        if (body == null || !body.has("events")) {
            return List.of();
        }
        return StreamSupport.stream(body.get("events").spliterator(), false).toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    private JsonNode awaitEvent(String tenant, String path, String type) {
        return await().atMost(PATIENCE).until(() -> history(tenant, path).stream()
                .filter(event -> event.get("type").asText().equals(type)).findFirst().orElse(null),
                event -> event != null);
    }

    @Test
    void releasedOrderIsTenderedToSandbox() {
        OrderId orderId = release(ROUTED_TENANT, Requests.release(uniqueErpOrderNumber()));
        String shipmentPath = "/api/v1/shipments/" + ShipmentId.forOrder(orderId, "1") + "/history";

        JsonNode tendered = awaitEvent(ROUTED_TENANT, shipmentPath, "ShipmentTendered").get("payload");

        assertThat(tendered.get("providerId").asText()).isEqualTo("sandbox");
        assertThat(tendered.get("trackingNumber").asText()).startsWith("SBX");
        assertThat(tendered.get("carrier").asText()).isEqualTo("sandbox-express");
        assertThat(types(history(ROUTED_TENANT, shipmentPath))).containsExactly("ShipmentCreated",
                "PlatformShipmentRequested", "PlatformRequestAccepted", "ShipmentTendered");
    }

    @Test
    void rejectedEverywhereOrderGoesOnHold() {
        String body = Requests.release(uniqueErpOrderNumber()).replace("\"01304-000\"", "\"99010-000\"");
        OrderId orderId = release(ROUTED_TENANT, body);

        JsonNode hold = awaitEvent(ROUTED_TENANT, "/api/v1/orders/" + orderId + "/history", "OrderPlacedOnHold")
                .get("payload");

        assertThat(hold.get("reason").asText()).isEqualTo("no delivery platform accepted the shipment (rule fallback): "
                + "sandbox rejected (OUT_OF_AREA)");
    }

    @Test
    void switchedOffTenantIsNotRouted() {
        OrderId manual = release(TENANT, Requests.release(uniqueErpOrderNumber()));
        OrderId routed = release(ROUTED_TENANT, Requests.release(uniqueErpOrderNumber()));

        // The routing saga handles events in the order they were stored, so once the later order
        // is tendered the earlier one has been looked at too.
        awaitEvent(ROUTED_TENANT, "/api/v1/shipments/" + ShipmentId.forOrder(routed, "1") + "/history",
                "ShipmentTendered");

        http.get().uri("/api/v1/shipments/" + ShipmentId.forOrder(manual, "1") + "/history")
                .exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/v1/orders/" + manual + "/shipments")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isCreated();
        http.post().uri("/api/v1/shipments/" + ShipmentId.forOrder(manual, "1") + "/tender")
                .bodyValue(Requests.tender("1Z999AA10123456784"))
                .exchange()
                .expectStatus().isOk();
    }
}
