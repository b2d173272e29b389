package io.waybill.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the process API to set up orders and shipments for a test. */
public final class Shipments {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Shipments() {
    }

    /** Releases an order and returns its id. */
    public static String releaseOrder(WebTestClient client, String erpOrderNumber) {
        return json(client.post().uri("/api/v1/orders").bodyValue(Requests.release(erpOrderNumber))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()).get("orderId").asText();
    }

    /** Releases an order, opens shipment 1 and returns the shipment id. */
    public static String createShipment(WebTestClient client, String erpOrderNumber) {
        String orderId = releaseOrder(client, erpOrderNumber);
        return json(client.post().uri("/api/v1/orders/{id}/shipments", orderId).bodyValue("{}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()).get("shipmentId").asText();
    }

    /** Opens a shipment and tenders it to {@code providerId}; returns the shipment id. */
    public static String tenderedShipment(WebTestClient client, String erpOrderNumber, String providerId) {
        String shipmentId = createShipment(client, erpOrderNumber);
        client.post().uri("/api/v1/shipments/{id}/tender", shipmentId)
                .bodyValue("""
                        {"providerId":"%s","providerShipmentId":"P-%s","trackingNumber":"T-%s","carrier":"UPS",
                         "occurredAt":"2026-12-01T10:00:00Z"}""".formatted(providerId, erpOrderNumber, erpOrderNumber))
                .exchange()
                .expectStatus().isOk();
        return shipmentId;
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
