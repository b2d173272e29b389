package io.waybill.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.WaybillApplication;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.TestJwtIssuer;
import io.waybill.gateway.support.StubPlatformServer;
import io.waybill.gateway.support.StubPlatformServer.Answer;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.ShipmentId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the application itself, twice on one data directory, with a short redelivery deadline and
 * an HTTP delivery platform served by a stub on 127.0.0.1 that times out or rejects. It shows that
 * routing falls back from the HTTP platform to the sandbox, and that a deadline set before a
 * restart passes after it and starts the return exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessRestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final TestJwtIssuer JWT_ISSUER = TestJwtIssuer.start();
    private static final String FALLBACK_TENANT = "fallback-co";
    private static final String RESTART_TENANT = "restart-co";

    private static Path dataDirectory;
    private static StubPlatformServer platform;
    private static ConfigurableApplicationContext application;
    private static WebTestClient http;

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("waybill-restart-");
        // Orders whose ERP number starts with SLOW get no answer in time; all others are rejected.
        platform = new StubPlatformServer(request -> {
            if (request.path().endsWith("/cancellations")) {
                return Answer.json(200, "{\"id\":\"CX-CANCEL\"}");
            }
            if (request.body().contains("\"erpOrderNumber\":\"SLOW")) {
                return Answer.delayed(Duration.ofSeconds(2), 201, "{\"id\":\"too-late\"}");
            }
            return Answer.json(422, "{\"code\":\"OUT_OF_AREA\",\"message\":\"not served\"}");
        });
        startApplication();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        platform.close();
    }

    private static void startApplication() {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("waybill.embedded-db.data-directory", dataDirectory.resolve("pgdata").toString());
        properties.put("waybill.processes.defaults.failed-delivery.redelivery-deadline", "3s");
        properties.put("waybill.processes.tenants." + FALLBACK_TENANT + ".routing.fallback", "courier-http,sandbox");
        properties.put("waybill.platforms.http.courier-http.base-url", platform.baseUrl().toString());
        properties.put("waybill.platforms.http.courier-http.response-timeout", "300ms");
        properties.put("waybill.platforms.http.courier-http.retry.max-attempts", "2");
        properties.put("waybill.platforms.http.courier-http.retry.initial-backoff", "50ms");
        properties.put("db-scheduler.polling-interval", "500ms");
        // Command-line arguments, because default properties would lose against application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        String[] withIssuer = Stream.concat(Arrays.stream(arguments),
                JWT_ISSUER.applicationArguments().stream()).toArray(String[]::new);
        application = new SpringApplicationBuilder(WaybillApplication.class).run(withIssuer);
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + application.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    private static OrderId release(String tenant, String erpOrderNumber) {
        JsonNode response = http.post().uri("/api/v1/orders")
                .header("Authorization", JWT_ISSUER.bearerForAllRoles(tenant))
                .bodyValue(Requests.release(erpOrderNumber))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return OrderId.parse(response.get("orderId").asText());
    }

    private static List<JsonNode> events(String tenant, String path) {
        JsonNode body = http.get().uri(path).header("Authorization", JWT_ISSUER.bearerForAllRoles(tenant))
                .exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        if (body == null || !body.has("events")) {
            return List.of();
        }
        return StreamSupport.stream(body.get("events").spliterator(), false).toList();
    }

    private static List<JsonNode> events(String tenant, String path, String type) {
        return events(tenant, path).stream().filter(event -> event.get("type").asText().equals(type)).toList();
    }

    private static List<JsonNode> awaitEvents(String tenant, String path, String type, int count) {
        return await().atMost(PATIENCE).until(() -> events(tenant, path, type), found -> found.size() >= count);
    }

    private static String shipmentPath(OrderId orderId) {
        return "/api/v1/shipments/" + ShipmentId.forOrder(orderId, "1") + "/history";
    }

    @Test
    @Order(1)
    void timedOutHttpPlatformFallsBackToSandbox() {
        OrderId orderId = release(FALLBACK_TENANT, "SLOW-" + UUID.randomUUID());

        JsonNode tendered = awaitEvents(FALLBACK_TENANT, shipmentPath(orderId), "ShipmentTendered", 1).get(0);

        assertThat(tendered.at("/payload/providerId").asText()).isEqualTo("sandbox");
        JsonNode timedOut = events(FALLBACK_TENANT, shipmentPath(orderId), "PlatformRequestRejected").get(0);
        assertThat(timedOut.at("/payload/platformId").asText()).isEqualTo("courier-http");
        assertThat(timedOut.at("/payload/failure").asText()).isEqualTo("TIMED_OUT");
        String requestId = timedOut.at("/payload/requestId").asText();
        assertThat(platform.received()).filteredOn(received -> requestId.equals(received.idempotencyKey()))
                .hasSize(2);
        JsonNode cancellation = awaitEvents(FALLBACK_TENANT, shipmentPath(orderId),
                "PlatformCancellationRequested", 1).get(0);
        assertThat(cancellation.at("/payload/cancelledRequestId").asText()).isEqualTo(requestId);
    }

    @Test
    @Order(2)
    void rejectingHttpPlatformFallsBackToSandbox() {
        OrderId orderId = release(FALLBACK_TENANT, "REJ-" + UUID.randomUUID());

        JsonNode tendered = awaitEvents(FALLBACK_TENANT, shipmentPath(orderId), "ShipmentTendered", 1).get(0);

        assertThat(tendered.at("/payload/providerId").asText()).isEqualTo("sandbox");
        JsonNode rejected = events(FALLBACK_TENANT, shipmentPath(orderId), "PlatformRequestRejected").get(0);
        assertThat(rejected.at("/payload/failure").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/payload/code").asText()).isEqualTo("OUT_OF_AREA");
    }

    @Test
    @Order(3)
    void deadlineSetBeforeRestartStartsReturnOnce() {
        OrderId orderId = release(RESTART_TENANT, "SO-" + UUID.randomUUID());
        String shipment = shipmentPath(orderId);
        ShipmentId shipmentId = ShipmentId.forOrder(orderId, "1");
        awaitEvents(RESTART_TENANT, shipment, "ShipmentTendered", 1);

        http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                .header("Authorization", JWT_ISSUER.bearerForAllRoles(RESTART_TENANT))
                .bodyValue(Requests.milestone("DELIVERY_ATTEMPT_FAILED", Instant.now().toString(), "attempt-1"))
                .exchange()
                .expectStatus().isCreated();
        awaitEvents(RESTART_TENANT, shipment, "RedeliveryRequested", 1);
        JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Integer.class), n -> n > 0);
        assertThat(events(RESTART_TENANT, shipment, "ReturnRequested")).isEmpty();

        application.close();
        startApplication();

        awaitEvents(RESTART_TENANT, shipment, "PlatformRequestAccepted", 3);
        assertThat(events(RESTART_TENANT, shipment, "ReturnRequested")).hasSize(1);
        assertThat(events(RESTART_TENANT, shipment, "CustomerServiceCaseOpened")).hasSize(1);
        assertThat(events(RESTART_TENANT, "/api/v1/orders/" + orderId + "/history", "OrderMarkedReturnPending"))
                .hasSize(1);
        JsonNode returnRequested = events(RESTART_TENANT, shipment, "ReturnRequested").get(0);
        assertThat(returnRequested.at("/payload/reason").asText())
                .isEqualTo("not delivered within 3 seconds of the redelivery request after 1 failed attempt(s)");
        assertThat(application.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Integer.class)).isZero();
    }

    @Test
    @Order(4)
    void cancellingUnknownDeadlineIsHarmless() {
        DeadlineManager deadlines = application.getBean(DeadlineManager.class);

        DefaultUnitOfWork.startAndGet(null).execute(() ->
                deadlines.cancelSchedule("redelivery-deadline", UUID.randomUUID().toString()));

        assertThat(application.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM scheduled_tasks", Integer.class)).isZero();
    }
}
