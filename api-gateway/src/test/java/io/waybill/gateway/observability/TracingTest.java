package io.waybill.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

@ExtendWith(OutputCaptureExtension.class)
class TracingTest extends LedgerIntegrationTest {

    @Test
    void traceAndCorrelationReachMetadata() {
        String traceId = randomHex(16);
        String correlationId = "corr-" + UUID.randomUUID();

        EntityExchangeResult<String> result = http.post().uri("/api/v1/orders")
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .header("X-Correlation-Id", correlationId)
                .bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", correlationId)
                .expectBody(String.class).returnResult();
        String orderId = Shipments.json(result.getResponseBody()).get("orderId").asText();

        String responseTraceparent = result.getResponseHeaders().getFirst("traceparent");
        assertThat(responseTraceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        JsonNode metadata = eventMetadata(orderId);
        assertThat(metadata.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(metadata.get("traceparent").asText()).startsWith("00-" + traceId + "-");
        assertThat(metadata.get("principal").asText()).isEqualTo("jwt:test-user");
        assertThat(metadata.get("source").asText()).isEqualTo("api:process");
    }

    @Test
    void requestWithoutTraceparentStartsATrace() {
        EntityExchangeResult<String> result = http.post().uri("/api/v1/orders")
                .bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        String orderId = Shipments.json(result.getResponseBody()).get("orderId").asText();
        String responseTraceparent = result.getResponseHeaders().getFirst("traceparent");
        String correlationId = result.getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(responseTraceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(correlationId).isNotBlank();
        String traceId = responseTraceparent.substring(3, 35);
        assertThat(eventMetadata(orderId).get("traceparent").asText()).startsWith("00-" + traceId + "-");
        assertThat(eventMetadata(orderId).get("correlationId").asText()).isEqualTo(correlationId);
    }

    @Test
    void spansCoverHttpCommandAndEventHandling() {
        String traceId = randomHex(16);

        http.post().uri("/api/v1/orders")
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(traceId);
            List<String> names = trace.stream().map(SpanData::getName).toList();
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getName()).containsIgnoringCase("post");
            });
            assertThat(names).anySatisfy(name -> assertThat(name).contains("ReleaseOrder"));
            assertThat(names).anySatisfy(name -> assertThat(name).contains("OrderReleased"));
        });
    }

    @Test
    void logLinesOfARequestCarryItsCorrelationId(CapturedOutput output) {
        String correlationId = "corr-log-" + UUID.randomUUID();

        http.post().uri("/api/v1/admin/api-keys")
                .header("X-Correlation-Id", correlationId)
                .bodyValue("{\"name\":\"log-context\",\"roles\":[\"auditor\"]}")
                .exchange()
                .expectStatus().isCreated();

        assertThat(output.getOut().lines().filter(line -> line.contains("issued API key"))
                .filter(line -> line.contains("(log-context)")).toList())
                .singleElement().asString().contains(correlationId);
    }

    private JsonNode eventMetadata(String aggregateId) {
        return Shipments.json(jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""", String.class, aggregateId));
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1;
        return HexFormat.of().formatHex(value);
    }
}
