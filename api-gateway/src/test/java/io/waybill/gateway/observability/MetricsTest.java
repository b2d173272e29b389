package io.waybill.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class MetricsTest extends LedgerIntegrationTest {

    @Test
    void prometheusShowsRejectionsByReasonAndAxonMetrics() {
        anonymous().post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isUnauthorized();
        clientFor(TENANT, Role.AUDITOR).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();

        String scrape = monitoring().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("waybill_http_rejected_total{endpoint_class=\"process\",reason=\"unauthenticated\"}");
        assertThat(scrape).contains("waybill_http_rejected_total{endpoint_class=\"process\",reason=\"forbidden\"}");
        assertThat(scrape).contains("waybill_deadletters");
        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(scrape).containsPattern("commandBus\\w*\\{[^}]*ReleaseOrder");
        assertThat(scrape).containsPattern("eventProcessor\\w*latency");
        // Axon's timers publish count, sum and max, but no client-side percentiles (AxonMetricsConfiguration).
        assertThat(scrape).containsPattern("commandBus\\w*_seconds_count\\{");
        assertThat(scrape).doesNotContainPattern("(commandBus|eventProcessor)\\w*\\{[^}]*quantile=");
    }

    @Test
    void prometheusNeedsMonitoringOrAdminRole() {
        anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        clientFor(TENANT, Role.PROCESS).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private WebTestClient monitoring() {
        return withBearer(token("scraper", null, null, Role.MONITORING));
    }
}
