package io.waybill.gateway.erp;

import static io.waybill.gateway.support.ReadModels.awaitCaughtUp;
import static io.waybill.gateway.support.ReadModels.get;
import static io.waybill.gateway.support.ReadModels.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.MutableClock;
import io.waybill.gateway.support.Requests;
import io.waybill.settlement.replay.ProjectionAdmin;
import io.waybill.gateway.support.TestJwtIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The push dispatcher against a stand-in ERP on 127.0.0.1 that is first down, then inside a
 * maintenance window (02:00 to 03:00 UTC), then responds 503 with Retry-After, then recovers. The
 * test moves a hand-set clock instead of waiting, so back-off and windows are checked exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErpDispatcherTest.TestClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErpDispatcherTest {

    private static final Instant START = Instant.parse("2026-03-10T01:00:00Z");
    private static final FakeErp ERP = new FakeErp();
    private static final List<String> ORDERS = new ArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ProjectionAdmin projections;

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    private static final TestJwtIssuer JWT_ISSUER = TestJwtIssuer.start();

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry registry) throws IOException {
        // This context runs beside the shared one, so it needs a database folder of its own.
        Path dataDirectory = Files.createTempDirectory("waybill-erp-it-");
        registry.add("waybill.embedded-db.data-directory", () -> dataDirectory.resolve("pgdata").toString());
        registry.add("waybill.erp.push.url", ERP::url);
        registry.add("waybill.security.jwt.issuer-uri", JWT_ISSUER::issuer);
        registry.add("waybill.security.jwt.jwk-set-uri", JWT_ISSUER::jwkSetUri);
        registry.add("waybill.security.jwt.audiences", () -> TestJwtIssuer.AUDIENCE);
        registry.add("waybill.processes.defaults.routing.enabled", () -> "false");
        registry.add("waybill.processes.defaults.failed-delivery.enabled", () -> "false");
        registry.add("waybill.erp.push.poll-interval", () -> "50ms");
        registry.add("waybill.erp.push.request-timeout", () -> "5s");
        registry.add("waybill.erp.push.initial-backoff", () -> "10s");
        registry.add("waybill.erp.push.max-backoff", () -> "5m");
        registry.add("waybill.erp.push.max-failures", () -> "5");
        registry.add("waybill.erp.maintenance-windows[0].start", () -> "02:00");
        registry.add("waybill.erp.maintenance-windows[0].end", () -> "03:00");
        registry.add("waybill.erp.maintenance-windows[0].zone", () -> "UTC");
    }

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("Authorization", JWT_ISSUER.bearerForAllRoles("acme"))
                .defaultHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @AfterAll
    static void stopErp() {
        ERP.stop();
    }

    @Test
    @Order(1)
    void downErpBacksOffExponentially() {
        ORDERS.add(recordDeliveredOrder());
        ORDERS.add(recordDeliveredOrder());
        awaitCaughtUp(projections);

        await().atMost(Duration.ofSeconds(30)).until(() -> ORDERS.stream().allMatch(order -> head(order)
                .path("attempts").asInt() == 1));
        JsonNode firstTry = head(ORDERS.get(0));
        clock.advance(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> ORDERS.stream().allMatch(order -> head(order)
                .path("attempts").asInt() == 2));
        JsonNode secondTry = head(ORDERS.get(0));

        assertThat(firstTry.path("state").asText()).isEqualTo("DEFERRED");
        assertThat(firstTry.path("lastError").asText()).startsWith("request failed");
        assertThat(Instant.parse(firstTry.path("nextAttemptAt").asText())).isEqualTo(START.plusSeconds(10));
        assertThat(Instant.parse(secondTry.path("nextAttemptAt").asText())).isEqualTo(START.plusSeconds(10 + 20));
        assertThat(postings(ORDERS.get(0)).get(1).path("attempts").asInt()).isZero();
    }

    @Test
    @Order(2)
    void maintenanceWindowHoldsPostings() {
        ERP.start();
        clock.set(Instant.parse("2026-03-10T02:30:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ORDERS.stream().allMatch(order -> head(order)
                .path("lastError").asText().startsWith("ERP maintenance window")));

        JsonNode held = head(ORDERS.get(0));
        assertThat(held.path("state").asText()).isEqualTo("DEFERRED");
        assertThat(held.path("nextAttemptAt").asText()).isEqualTo("2026-03-10T03:00:00Z");
        assertThat(held.path("attempts").asInt()).isEqualTo(2);
        assertThat(ERP.requests()).isEmpty();
    }

    @Test
    @Order(3)
    void serviceUnavailableHoldsUntilRetryAfter() {
        ERP.mode(FakeErp.Mode.UNAVAILABLE);
        ERP.retryAfterSeconds(120);
        clock.set(Instant.parse("2026-03-10T03:10:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ORDERS.stream().allMatch(order -> head(order)
                .path("nextAttemptAt").asText().equals("2026-03-10T03:12:00Z")));

        assertThat(ERP.requests()).hasSize(1);
        assertThat(ERP.requests().get(0).status()).isEqualTo(503);
        assertThat(ERP.accepted()).isEmpty();
        JsonNode first = head(ORDERS.get(0));
        assertThat(first.path("lastHttpStatus").asInt()).isEqualTo(503);
        assertThat(first.path("state").asText()).isEqualTo("DEFERRED");
        assertThat(head(ORDERS.get(1)).path("lastError").asText()).startsWith("ERP asked to wait");
    }

    @Test
    @Order(4)
    void recoveredErpGetsEveryPostingOnceInOrder() {
        ERP.mode(FakeErp.Mode.ACCEPT);
        clock.set(Instant.parse("2026-03-10T03:12:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> ORDERS.stream()
                .allMatch(order -> states(order).stream().allMatch("POSTED"::equals)));

        List<String> accepted = ERP.accepted();
        assertThat(accepted).hasSize(10).doesNotHaveDuplicates();
        for (String order : ORDERS) {
            List<String> expectedOrder = ids(postings(order));
            assertThat(accepted.stream().filter(expectedOrder::contains).toList()).isEqualTo(expectedOrder);
        }
        assertThat(ERP.requests()).allMatch(request -> request.postingId().equals(request.idempotencyKey()));
        JsonNode delivered = head(ORDERS.get(0));
        assertThat(delivered.path("channel").asText()).isEqualTo("PUSH");
        assertThat(delivered.path("erpDocumentNumber").asText()).startsWith("ERP-");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(4);
    }

    @Test
    @Order(5)
    void rebuildOfPostingsSendsNothingAgain() {
        post(http, "/api/v1/admin/projections/erp-postings/rebuild", "", 202);
        awaitCaughtUp(projections);
        String order = ORDERS.get(0);
        post(http, "/api/v1/orders/" + order + "/payments", """
                {"paymentReference":"PAY-2","method":"WALLET","amount":10.00,"currency":"BRL",
                 "occurredAt":"2026-03-09T10:00:00Z"}""", 201);

        await().atMost(Duration.ofSeconds(30)).until(() -> states(order),
                states -> states.size() == 6 && states.stream().allMatch("POSTED"::equals));

        assertThat(ERP.accepted()).hasSize(11).doesNotHaveDuplicates();
    }

    @Test
    @Order(6)
    void rejectedPostingIsDeadLetterUntilRetried() {
        ERP.mode(FakeErp.Mode.REJECT);
        String order = ORDERS.get(1);
        post(http, "/api/v1/orders/" + order + "/payments", """
                {"paymentReference":"PAY-3","method":"CARD","amount":5.00,"currency":"BRL",
                 "occurredAt":"2026-03-09T11:00:00Z"}""", 201);

        await().atMost(Duration.ofSeconds(30)).until(() -> get(http, "/api/v1/admin/erp/dead-letters")
                .path("items").size() == 1);
        JsonNode deadLetter = get(http, "/api/v1/admin/erp/dead-letters").path("items").get(0);
        ERP.mode(FakeErp.Mode.ACCEPT);
        JsonNode retried = post(http, "/api/v1/admin/erp/dead-letters/" + deadLetter.path("postingId").asText()
                + "/retry", "", 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> states(order).stream().allMatch("POSTED"::equals));
        JsonNode again = post(http, "/api/v1/admin/erp/dead-letters/" + deadLetter.path("postingId").asText()
                + "/retry", "", 409);

        assertThat(deadLetter.path("state").asText()).isEqualTo("FAILED");
        assertThat(deadLetter.path("lastHttpStatus").asInt()).isEqualTo(422);
        assertThat(deadLetter.path("type").asText()).isEqualTo("CUSTOMER_PAYMENT");
        assertThat(retried.path("state").asText()).isEqualTo("PENDING");
        assertThat(again.path("field").asText()).isEqualTo("postingId");
        assertThat(ERP.accepted()).hasSize(12).doesNotHaveDuplicates();
        assertThat(get(http, "/api/v1/admin/erp/dead-letters").path("items").size()).isZero();
    }

    private JsonNode head(String orderId) {
        return postings(orderId).get(0);
    }

    private JsonNode postings(String orderId) {
        return get(http, "/api/v1/orders/" + orderId + "/postings").path("postings");
    }

    private List<String> states(String orderId) {
        List<String> states = new ArrayList<>();
        postings(orderId).forEach(posting -> states.add(posting.path("state").asText()));
        return states;
    }

    private static List<String> ids(JsonNode postings) {
        List<String> ids = new ArrayList<>();
        postings.forEach(posting -> ids.add(posting.path("postingId").asText()));
        return ids;
    }

    /** Records an order with five postings: tender, payment, pick-up, delivery and proof of delivery. */
    private String recordDeliveredOrder() {
        String orderId = post(http, "/api/v1/orders", releasedBeforeStart("SO-" + UUID.randomUUID()), 201)
                .path("orderId").asText();
        String shipmentId = post(http, "/api/v1/orders/" + orderId + "/shipments",
                "{\"occurredAt\":\"2026-03-09T08:00:00Z\"}", 201).path("shipmentId").asText();
        post(http, "/api/v1/shipments/" + shipmentId + "/tender", Requests.tender("1Z" + UUID.randomUUID()), 200);
        post(http, "/api/v1/orders/" + orderId + "/payments", """
                {"paymentReference":"PAY-1","method":"CARD","amount":219.80,"currency":"BRL",
                 "occurredAt":"2026-03-09T08:30:00Z"}""", 201);
        post(http, "/api/v1/shipments/" + shipmentId + "/milestones",
                Requests.milestone("PICKED_UP", "2026-03-09T12:00:00Z", "p1"), 201);
        post(http, "/api/v1/shipments/" + shipmentId + "/milestones", """
                {"code":"DELIVERED","occurredAt":"2026-03-09T18:00:00Z","sourceEventId":"p2",
                 "proofOfDelivery":{"signer":"Ana Souza","place":"RECIPIENT"}}""", 201);
        return orderId;
    }

    /** Returns a release dated before the test clock's start, which the ledger would reject as future. */
    private static String releasedBeforeStart(String erpOrderNumber) {
        return Requests.release(erpOrderNumber).replace("2026-12-01T09:00:00Z", "2026-03-09T07:00:00Z");
    }
}
