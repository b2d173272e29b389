package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Shipments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class WebhookSignatureTest extends LedgerIntegrationTest {

    private static final String PARTNER = "sigpost";

    private String partnerKey;
    private String shipmentId;

    @BeforeEach
    void partnerWithTenderedShipment() {
        partnerKey = ApiKeyTest.issue(http, """
                {"name":"sigpost-webhooks","partnerId":"%s","roles":["partner"]}""".formatted(PARTNER))
                .get("apiKey").asText();
        shipmentId = Shipments.tenderedShipment(http, uniqueErpOrderNumber(), PARTNER);
    }

    @Test
    void signedWebhookIsAccepted() {
        String body = milestone("sig-ok");
        long now = Instant.now().getEpochSecond();

        send(body, now, sign(partnerKey, now, path(), body))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.currentStatus").isEqualTo("PICKED_UP");
        assertThat(events()).isEqualTo(3);
    }

    @Test
    void tamperedBodyIsRejected() {
        long now = Instant.now().getEpochSecond();
        String signature = sign(partnerKey, now, path(), milestone("sig-original"));

        send(milestone("sig-tampered"), now, signature)
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-signature");
        assertThat(events()).isEqualTo(2);
    }

    @Test
    void replayedSignatureIsRejected() {
        String body = milestone("sig-replay");
        long now = Instant.now().getEpochSecond();
        String signature = sign(partnerKey, now, path(), body);

        send(body, now, signature).expectStatus().isCreated();
        send(body, now, signature)
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:replayed-signature");
        assertThat(events()).isEqualTo(3);
    }

    @Test
    void staleTimestampIsRejected() {
        String body = milestone("sig-stale");
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();

        send(body, tenMinutesAgo, sign(partnerKey, tenMinutesAgo, path(), body))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:expired-signature");
    }

    @Test
    void signatureForAnotherPathIsRejected() {
        String body = milestone("sig-path");
        long now = Instant.now().getEpochSecond();

        send(body, now, sign(partnerKey, now, "/api/v1/partners/probe/shipments/other/milestones", body))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-signature");
    }

    @Test
    void signatureWithAnotherKeyIsRejected() {
        String body = milestone("sig-key");
        long now = Instant.now().getEpochSecond();
        String otherKey = "wbk_aaaaaaaaaaaaaaaa." + "B".repeat(43);

        send(body, now, sign(otherKey, now, path(), body))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-signature");
    }

    @Test
    void unsignedWebhookIsRejected() {
        withApiKey(partnerKey).post().uri(path()).bodyValue(milestone("sig-none")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:missing-signature");
    }

    @Test
    void partnerReadsNeedNoSignature() {
        withApiKey(partnerKey).get().uri("/api/v1/partners/probe/shipments/{id}", shipmentId).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec send(String body, long timestamp, String signature) {
        return withApiKey(partnerKey).post().uri(path())
                .header("X-Waybill-Timestamp", Long.toString(timestamp))
                .header("X-Waybill-Signature", "v1=" + signature)
                .bodyValue(body)
                .exchange();
    }

    private String path() {
        return "/api/v1/partners/probe/shipments/" + shipmentId + "/milestones";
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, shipmentId);
        return count == null ? 0 : count;
    }

    /** HMAC-SHA256 keyed by the API key over "timestamp.METHOD.path.body", as a partner computes it. */
    private static String sign(String key, long timestamp, String path, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + ".POST." + path + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String milestone(String sourceEventId) {
        return """
                {"code":"PICKED_UP","occurredAt":"2026-12-01T11:00:00Z","sourceEventId":"%s"}""".formatted(sourceEventId);
    }
}
