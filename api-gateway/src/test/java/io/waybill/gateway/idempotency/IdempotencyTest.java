package io.waybill.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class IdempotencyTest extends LedgerIntegrationTest {

    /** Idempotency keys of the base client are scoped to its tenant and JWT subject. */
    private static final String SCOPE = TENANT + "/test-user";

    @Test
    void sameKeyAndBodyReturnsFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = Requests.release(uniqueErpOrderNumber());

        String first = http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER)
                .expectBody(String.class).returnResult().getResponseBody();
        String location = http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(first)
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        String orderId = Shipments.json(first).get("orderId").asText();
        assertThat(location).isEqualTo("/api/v1/orders/" + orderId);
        assertThat(eventsOf(orderId)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyAnswers422() {
        String key = UUID.randomUUID().toString();
        http.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();
        String otherErpNumber = uniqueErpOrderNumber();

        http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(Requests.release(otherErpNumber))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:waybill:problem:idempotency-key-reused")
                .jsonPath("$.field").isEqualTo("Idempotency-Key")
                .jsonPath("$.value").isEqualTo(key);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM order_directory WHERE erp_order_number = ?", Long.class,
                otherErpNumber)).isZero();
    }

    @Test
    void sameKeyOnAnotherPathAnswers422() {
        String key = UUID.randomUUID().toString();
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());
        String reason = "{\"reason\":\"check stock\"}";
        http.post().uri("/api/v1/orders/{id}/hold", orderId).header("Idempotency-Key", key).bodyValue(reason)
                .exchange().expectStatus().isOk();

        http.post().uri("/api/v1/orders/{id}/cancel", orderId).header("Idempotency-Key", key).bodyValue(reason)
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void keyOfAnotherClientIsIndependent() {
        String key = UUID.randomUUID().toString();
        http.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();

        clientFor("globex", io.waybill.gateway.security.Role.PROCESS).post().uri("/api/v1/orders")
                .header("Idempotency-Key", key).bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
    }

    @Test
    void requestStillRunningAnswers409() {
        String key = UUID.randomUUID().toString();
        String body = Requests.release(uniqueErpOrderNumber());
        insertRecord(key, fingerprint("POST", "/api/v1/orders", body), "IN_PROGRESS", Instant.now(),
                Instant.now().plus(Duration.ofHours(1)));

        http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:idempotency-key-in-progress");
    }

    @Test
    void abandonedRequestIsTakenOver() {
        String key = UUID.randomUUID().toString();
        String body = Requests.release(uniqueErpOrderNumber());
        insertRecord(key, fingerprint("POST", "/api/v1/orders", body), "IN_PROGRESS",
                Instant.now().minus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofHours(1)));

        http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isCreated();
        assertThat(state(key)).isEqualTo("COMPLETED");
    }

    @Test
    void expiredKeyMayBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        insertRecord(key, fingerprint("POST", "/api/v1/orders", "{}"), "COMPLETED",
                Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)));

        http.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
    }

    @Test
    void concurrentDuplicatesRunOnce() {
        String key = UUID.randomUUID().toString();
        String erpOrderNumber = uniqueErpOrderNumber();
        String body = Requests.release(erpOrderNumber);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token("test-user", TENANT, null,
                        io.waybill.gateway.security.Role.PROCESS))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();

        List<String> outcomes = Flux.range(0, 8)
                .flatMap(attempt -> client.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().then(Mono.just(response.statusCode().value()
                                + (response.headers().header(IdempotencyHandler.REPLAYED_HEADER).isEmpty()
                                ? "" : " replayed")))), 8)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(8).allMatch(outcome -> outcome.equals("201") || outcome.equals("201 replayed")
                || outcome.equals("409"));
        assertThat(outcomes).containsOnlyOnce("201");
        String orderId = jdbc.queryForObject("SELECT order_id::text FROM order_directory WHERE erp_order_number = ?",
                String.class, erpOrderNumber);
        assertThat(eventsOf(orderId)).isEqualTo(1);
    }

    @Test
    void responseWithApiKeyIsNeverStored() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"idempotent-key\",\"roles\":[\"auditor\"]}";

        String first = http.post().uri("/api/v1/admin/api-keys").header("Idempotency-Key", key).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String second = http.post().uri("/api/v1/admin/api-keys").header("Idempotency-Key", key).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(Shipments.json(second).get("apiKey").asText()).isNotEqualTo(Shipments.json(first).get("apiKey").asText());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Long.class,
                key)).isZero();
    }

    @Test
    void rejectedRequestIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        String body = "{\"erpOrderNumber\":\"\"}";

        http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().doesNotExist(IdempotencyHandler.REPLAYED_HEADER);
        http.post().uri("/api/v1/orders").header("Idempotency-Key", key).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals(IdempotencyHandler.REPLAYED_HEADER, "true")
                .expectBody().jsonPath("$.field").isEqualTo("erpOrderNumber");
    }

    @Test
    void malformedKeyAnswers400() {
        http.post().uri("/api/v1/orders").header("Idempotency-Key", "x".repeat(300))
                .bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key");
    }

    private void insertRecord(String key, byte[] fingerprint, String state, Instant createdAt, Instant expiresAt) {
        jdbc.update("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_sha256, state, status_code, content_type,
                                                body, created_at, expires_at)
                VALUES (?, ?, ?, ?, 201, 'application/json', '{}'::bytea, ?, ?)""",
                SCOPE, key, fingerprint, state, Timestamp.from(createdAt), Timestamp.from(expiresAt));
    }

    private String state(String key) {
        return jdbc.queryForObject("SELECT state FROM idempotency_record WHERE scope = ? AND idempotency_key = ?",
                String.class, SCOPE, key);
    }

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    /** SHA-256 of "METHOD path\n" followed by the body, the fingerprint the service stores. */
    private static byte[] fingerprint(String method, String path, String body) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((method + " " + path + "\n" + body).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
