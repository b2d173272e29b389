package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApiKeyTest extends LedgerIntegrationTest {

    @Autowired
    AdminKeyBootstrap bootstrap;

    @Test
    void issuedKeyAuthenticatesWithItsRoles() {
        JsonNode issued = issue(http, """
                {"name":"erp-connector","roles":["process"]}""");
        String key = issued.get("apiKey").asText();
        String keyId = issued.get("key").get("keyId").asText();

        assertThat(key).startsWith("wbk_" + keyId + ".");
        assertThat(issued.get("key").get("tenant").asText()).isEqualTo(TENANT);
        String orderId = Shipments.releaseOrder(withApiKey(key), uniqueErpOrderNumber());
        withApiKey(key).get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isForbidden();
        String metadata = jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""", String.class, orderId);
        assertThat(Shipments.json(metadata).get("principal").asText()).isEqualTo("api-key:" + keyId);
    }

    @Test
    void keyWorksInApiKeyHeaderToo() {
        String key = issue(http, """
                {"name":"header-client","roles":["auditor"]}""").get("apiKey").asText();
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());

        anonymousWith("X-Api-Key", key).get().uri("/api/v1/orders/{id}/history", orderId).exchange()
                .expectStatus().isOk();
    }

    @Test
    void keyShownOnceStoredAsDigest() {
        String body = http.post().uri("/api/v1/admin/api-keys").bodyValue("""
                        {"name":"digest-check","roles":["finance"]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode issued = Shipments.json(body);
        String key = issued.get("apiKey").asText();
        String keyId = issued.get("key").get("keyId").asText();
        String secret = key.substring(key.indexOf('.') + 1);

        String row = jdbc.queryForObject("SELECT a::text FROM api_key a WHERE key_id = ?", String.class, keyId);
        byte[] digest = jdbc.queryForObject("SELECT secret_sha256 FROM api_key WHERE key_id = ?", byte[].class, keyId);
        String listed = http.get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String single = http.get().uri("/api/v1/admin/api-keys/{id}", keyId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(row).doesNotContain(secret);
        assertThat(digest).hasSize(32);
        assertThat(listed).contains(keyId).doesNotContain(secret);
        assertThat(single).contains("\"status\":\"active\"").doesNotContain(secret);
    }

    @Test
    void rotationKeepsOldKeyForGracePeriod() {
        JsonNode issued = issue(http, """
                {"name":"rotating-client","roles":["auditor"]}""");
        String oldKey = issued.get("apiKey").asText();
        String oldId = issued.get("key").get("keyId").asText();
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());

        JsonNode rotated = Shipments.json(http.post().uri("/api/v1/admin/api-keys/{id}/rotate", oldId)
                .bodyValue("{\"gracePeriod\":\"PT1H\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        String newKey = rotated.get("apiKey").asText();

        assertThat(rotated.get("key").get("rotatedFrom").asText()).isEqualTo(oldId);
        assertThat(rotated.get("key").get("name").asText()).isEqualTo("rotating-client");
        withApiKey(newKey).get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk();
        withApiKey(oldKey).get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/admin/api-keys/{id}", oldId).exchange()
                .expectBody().jsonPath("$.expiresAt").exists();
    }

    @Test
    void rotationWithoutGraceEndsOldKeyNow() {
        JsonNode issued = issue(http, """
                {"name":"rotate-now","roles":["auditor"]}""");
        String oldKey = issued.get("apiKey").asText();
        String oldId = issued.get("key").get("keyId").asText();
        String orderId = Shipments.releaseOrder(http, uniqueErpOrderNumber());
        // Used once first, so that this node has the key in its cache when it is rotated.
        withApiKey(oldKey).get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk();

        http.post().uri("/api/v1/admin/api-keys/{id}/rotate", oldId).bodyValue("{\"gracePeriod\":\"PT0S\"}")
                .exchange().expectStatus().isCreated();

        withApiKey(oldKey).get().uri("/api/v1/orders/{id}/history", orderId).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:expired-api-key");
        http.post().uri("/api/v1/admin/api-keys/{id}/rotate", oldId).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void gracePeriodInOtherFormatNamesIsoExample() {
        String keyId = issue(http, """
                {"name":"rotate-format","roles":["auditor"]}""").get("key").get("keyId").asText();

        http.post().uri("/api/v1/admin/api-keys/{id}/rotate", keyId).bodyValue("{\"gracePeriod\":\"1h\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.field").isEqualTo("gracePeriod")
                .jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("PT1H"));
        Integer successors = jdbc.queryForObject("SELECT count(*) FROM api_key WHERE rotated_from = ?", Integer.class,
                keyId);
        assertThat(successors).isZero();
    }

    @Test
    void rotatedKeyCannotBeRotatedAgain() {
        JsonNode issued = issue(http, """
                {"name":"rotate-twice","roles":["auditor"]}""");
        String oldId = issued.get("key").get("keyId").asText();
        JsonNode rotated = Shipments.json(http.post().uri("/api/v1/admin/api-keys/{id}/rotate", oldId)
                .bodyValue("{\"gracePeriod\":\"PT1H\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        String newId = rotated.get("key").get("keyId").asText();

        http.post().uri("/api/v1/admin/api-keys/{id}/rotate", oldId).bodyValue("{\"gracePeriod\":\"PT0S\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.field").isEqualTo("keyId")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(newId))
                .jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("rotate " + newId));

        Integer successors = jdbc.queryForObject("SELECT count(*) FROM api_key WHERE rotated_from = ?", Integer.class,
                oldId);
        assertThat(successors).isEqualTo(1);
        assertThat(rotated.get("key").has("expiresAt")).isFalse();
        http.get().uri("/api/v1/admin/api-keys/{id}", newId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.expiresAt").doesNotExist();
    }

    @Test
    void revokedKeyAnswers401() {
        JsonNode issued = issue(http, """
                {"name":"to-revoke","roles":["process"]}""");
        String key = issued.get("apiKey").asText();
        String keyId = issued.get("key").get("keyId").asText();
        withApiKey(key).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();

        http.post().uri("/api/v1/admin/api-keys/{id}/revoke", keyId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("revoked")
                .jsonPath("$.revokedBy").isEqualTo("jwt:test-user");
        withApiKey(key).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:revoked-api-key");
        http.post().uri("/api/v1/admin/api-keys/{id}/revoke", keyId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("revoked");
    }

    @Test
    void revocationElsewhereEndsCachedKey() {
        JsonNode issued = issue(http, """
                {"name":"revoked-elsewhere","roles":["process"]}""");
        String key = issued.get("apiKey").asText();
        String keyId = issued.get("key").get("keyId").asText();
        withApiKey(key).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();

        // Another node revokes the key: this node's cache does not hear of it.
        jdbc.update("UPDATE api_key SET revoked_at = now(), revoked_by = 'other-node' WHERE key_id = ?", keyId);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                withApiKey(key).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                        .exchange()
                        .expectStatus().isUnauthorized()
                        .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:revoked-api-key"));
    }

    @Test
    void wrongSecretForKnownKeyIdAnswers401() {
        String key = issue(http, """
                {"name":"wrong-secret","roles":["process"]}""").get("apiKey").asText();
        String forged = key.substring(0, key.indexOf('.') + 1) + "A".repeat(43);

        withApiKey(forged).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-api-key");
    }

    @Test
    void tenantAdminSeesOnlyOwnTenantsKeys() {
        String keyId = issue(http, """
                {"name":"acme-only","roles":["process"]}""").get("key").get("keyId").asText();
        WebTestClient globexAdmin = clientFor("globex", Role.ADMIN);

        globexAdmin.get().uri("/api/v1/admin/api-keys/{id}", keyId).exchange().expectStatus().isNotFound();
        globexAdmin.post().uri("/api/v1/admin/api-keys/{id}/revoke", keyId).exchange().expectStatus().isNotFound();
        String listed = globexAdmin.get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).doesNotContain(keyId);
    }

    @Test
    void tenantAdminCannotIssueForAnotherTenant() {
        http.post().uri("/api/v1/admin/api-keys").bodyValue("""
                        {"name":"cross","tenant":"globex","roles":["process"]}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("tenant");
    }

    @Test
    void invalidKeyRequestsNameTheField() {
        expectInvalid("{\"name\":\"p\",\"roles\":[\"partner\"]}", "partnerId");
        expectInvalid("{\"name\":\"p\",\"roles\":[\"driver\"]}", "roles");
        expectInvalid("{\"name\":\"p\",\"roles\":[]}", "roles");
        expectInvalid("{\"roles\":[\"process\"]}", "name");
        expectInvalid("{\"name\":\"p\",\"partnerId\":\"dhl\",\"roles\":[\"partner\",\"process\"]}", "roles");
        expectInvalid("{\"name\":\"p\",\"roles\":[\"process\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt");
    }

    @Test
    void bootstrapPrintsFirstAdminKeyOnce() {
        jdbc.update("DELETE FROM api_key WHERE ',' || roles || ',' LIKE '%,admin,%'");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        Optional<String> created = bootstrap.createIfNoneExists(new PrintStream(first, true, StandardCharsets.UTF_8));
        Optional<String> again = bootstrap.createIfNoneExists(new PrintStream(second, true, StandardCharsets.UTF_8));

        assertThat(created).isPresent();
        assertThat(again).isEmpty();
        assertThat(second.size()).isZero();
        Matcher printed = Pattern.compile("wbk_[a-z2-7]{16}\\.[A-Za-z0-9_-]{43}")
                .matcher(first.toString(StandardCharsets.UTF_8));
        assertThat(printed.find()).isTrue();
        String adminKey = printed.group();
        assertThat(adminKey).startsWith("wbk_" + created.get() + ".");
        withApiKey(adminKey).post().uri("/api/v1/admin/api-keys").bodyValue("""
                        {"name":"made-by-bootstrap-admin","tenant":"globex","roles":["process"]}""")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.key.tenant").isEqualTo("globex");
        withApiKey(adminKey).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE name = 'bootstrap-admin' AND "
                + "tenant_id IS NULL AND roles = 'admin'", Long.class)).isEqualTo(1);
    }

    private void expectInvalid(String body, String field) {
        http.post().uri("/api/v1/admin/api-keys").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    private WebTestClient anonymousWith(String header, String value) {
        return anonymous().mutate().defaultHeader(header, value).build();
    }

    static JsonNode issue(WebTestClient admin, String body) {
        return Shipments.json(admin.post().uri("/api/v1/admin/api-keys").bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
