package io.waybill.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.gateway.support.Shipments;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitTest extends LedgerIntegrationTest {

    @Test
    void clientOverItsLimitGets429WithRetryAfter() {
        WebTestClient limited = withBearer(token(RATE_LIMITED_CLIENT, TENANT, null, Role.PROCESS, Role.AUDITOR));
        String orderId = Shipments.releaseOrder(limited, uniqueErpOrderNumber());
        Shipments.releaseOrder(limited, uniqueErpOrderNumber());

        String retryAfter = limited.post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:waybill:problem:rate-limited")
                .jsonPath("$.endpointClass").isEqualTo("process")
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);

        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
        limited.get().uri("/api/v1/orders/{id}/history", orderId).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();
        withBearer(token(RATE_LIMITED_CLIENT, "globex", null, Role.PROCESS)).post().uri("/api/v1/orders")
                .bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void acceptedRequestsReportRemainingTokens() {
        http.post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber())).exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("RateLimit-Remaining");
    }
}
