package io.waybill.gateway.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Shipments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events stored at an older revision still load: through the audit API and into the aggregate. */
class EventRevisionTest extends LedgerIntegrationTest {

    @Test
    void revisionOneReleaseLoadsWithTotal() {
        String orderId = UUID.randomUUID().toString();
        String erpOrderNumber = uniqueErpOrderNumber();
        storeRevisionOneRelease(orderId, erpOrderNumber);

        JsonNode history = Shipments.json(http.get().uri("/api/v1/orders/{id}/history", orderId).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        JsonNode released = history.get("events").get(0);

        assertThat(released.get("type").asText()).isEqualTo("OrderReleased");
        assertThat(released.get("payload").get("orderTotal").get("amount").decimalValue()).isEqualByComparingTo("219.80");
        assertThat(released.get("payload").get("orderTotal").get("currency").asText()).isEqualTo("BRL");
        assertThat(released.get("payload").get("erpOrderNumber").asText()).isEqualTo(erpOrderNumber);
        http.post().uri("/api/v1/orders/{id}/hold", orderId).bodyValue("{\"reason\":\"stock check\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ON_HOLD");
    }

    @Test
    void newReleasesAreStoredAtRevisionTwo() {
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());

        String revision = jdbc.queryForObject("""
                SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0""",
                String.class, orderId);
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""", String.class, orderId);
        assertThat(revision).isEqualTo("2");
        assertThat(Shipments.json(payload).get("orderTotal").get("amount").decimalValue()).isEqualByComparingTo("219.80");
    }

    /**
     * Writes the row Axon wrote for a release before the revision 2 change: same JSON without
     * orderTotal, revision "1", and the order's directory row, which the command side keeps.
     */
    private void storeRevisionOneRelease(String orderId, String erpOrderNumber) {
        String payload = """
                {"orderId":"%s","tenantId":"%s","erpOrderNumber":"%s","customerReference":"CUST-77",
                 "shipTo":{"name":"Ana Souza","line1":"Rua Augusta 100","postalCode":"01304-000","city":"Sao Paulo",
                           "region":"SP","countryCode":"BR"},
                 "lines":[{"lineNumber":1,"sku":"SKU-1","quantity":2,"unitPrice":{"amount":49.90,"currency":"BRL"}},
                          {"lineNumber":2,"sku":"SKU-2","quantity":1,"unitPrice":{"amount":120.00,"currency":"BRL"}}],
                 "currency":"BRL","promisedDelivery":{"latestDate":"2026-12-10"},"serviceLevel":"STANDARD",
                 "parcelWeightKg":1.5,"contentHash":"%s","occurredAt":"2026-12-01T09:00:00Z"}"""
                .formatted(orderId, TENANT, erpOrderNumber, "0".repeat(64));
        String metadata = """
                {"tenantId":"%s","correlationId":"revision-test","source":"api:process"}""".formatted(TENANT);
        jdbc.update("""
                INSERT INTO domainevententry (eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp,
                                              aggregateidentifier, sequencenumber, type)
                VALUES (?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), '1', 'io.waybill.order.api.OrderReleased',
                        '2026-12-01T09:00:01Z', ?, 0, 'OrderAggregate')""",
                UUID.randomUUID().toString(), metadata, payload, orderId);
        jdbc.update("""
                INSERT INTO order_directory (order_id, tenant_id, erp_order_number, status, released_at)
                VALUES (?::uuid, ?, ?, 'RELEASED', '2026-12-01T09:00:00Z')""", orderId, TENANT, erpOrderNumber);
    }
}
