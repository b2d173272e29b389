package io.waybill.gateway;

import static io.waybill.gateway.support.Requests.milestone;
import static io.waybill.gateway.support.Requests.release;
import static io.waybill.gateway.support.Requests.tender;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import io.waybill.gateway.support.TestJwtIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Stops the service and starts it again on the same embedded data directory. The processes are
 * off, so the shipment holds exactly the events this test causes.
 */
class RestartTest {

    private static final TestJwtIssuer JWT_ISSUER = TestJwtIssuer.start();

    @Test
    void restartKeepsEveryEvent() throws Exception {
        Path dataDirectory = Files.createTempDirectory("waybill-restart-").resolve("pgdata");
        String shipmentId;
        JsonNode before;

        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            WebTestClient http = client(first);
            String orderId = http.post().uri("/api/v1/orders").bodyValue(release("SO-RESTART-1"))
                    .exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asText();
            shipmentId = http.post().uri("/api/v1/orders/" + orderId + "/shipments").bodyValue("{}")
                    .exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("shipmentId").asText();
            http.post().uri("/api/v1/shipments/" + shipmentId + "/tender").bodyValue(tender("1ZRESTART"))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                    .bodyValue(milestone("PICKED_UP", "2026-12-02T08:00:00Z", "r-1"))
                    .exchange().expectStatus().isCreated();
            before = history(http, shipmentId);
        }

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            WebTestClient http = client(second);
            JsonNode after = history(http, shipmentId);

            assertThat(after.get("eventCount").asInt()).isEqualTo(3);
            assertThat(after).isEqualTo(before);
            http.post().uri("/api/v1/shipments/" + shipmentId + "/milestones")
                    .bodyValue(milestone("PICKED_UP", "2026-12-02T08:00:00Z", "r-1"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.outcome").isEqualTo("DUPLICATE");
            http.post().uri("/api/v1/orders").bodyValue(release("SO-RESTART-1"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.created").isEqualTo(false);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--waybill.embedded-db.data-directory=" + dataDirectory,
                "--waybill.processes.defaults.routing.enabled=false",
                "--waybill.processes.defaults.failed-delivery.enabled=false"));
        arguments.addAll(JWT_ISSUER.applicationArguments());
        return new SpringApplicationBuilder(WaybillApplication.class).run(arguments.toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("Authorization", JWT_ISSUER.bearerForAllRoles("acme"))
                .defaultHeader("Content-Type", "application/json")
                .build();
    }

    private static JsonNode history(WebTestClient http, String shipmentId) {
        return http.get().uri("/api/v1/shipments/" + shipmentId + "/history")
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
