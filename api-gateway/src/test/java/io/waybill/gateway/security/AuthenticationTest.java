package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.Endpoints;
import io.waybill.gateway.support.Endpoints.Endpoint;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class AuthenticationTest extends LedgerIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointWithoutCredentialsAnswers401() {
        List<Endpoint> endpoints = Endpoints.all(context);
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            EntityExchangeResult<byte[]> result = anonymous().method(endpoint.method()).uri(endpoint.path())
                    .bodyValue("{}")
                    .exchange()
                    .expectBody().returnResult();
            if (result.getStatus().value() != 401) {
                open.add(endpoint + " -> " + result.getStatus());
            }
        }

        assertThat(endpoints).hasSizeGreaterThan(10);
        assertThat(open).isEmpty();
    }

    @Test
    void missingCredentialsProblemNamesBothSchemes() {
        anonymous().post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer, ApiKey")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:waybill:problem:unauthenticated")
                .jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("Bearer").contains("ApiKey"));
    }

    @Test
    void twoCredentialsAreRejected() {
        String processToken = token("test-user", TENANT, null, Role.PROCESS);
        String auditorToken = token("test-user", TENANT, null, Role.AUDITOR);
        List<List<String[]>> ambiguous = List.of(
                List.of(new String[] {HttpHeaders.AUTHORIZATION, "Bearer " + auditorToken},
                        new String[] {HttpHeaders.AUTHORIZATION, "Bearer " + processToken}),
                List.of(new String[] {HttpHeaders.AUTHORIZATION, "Bearer " + processToken},
                        new String[] {"X-Api-Key", "wbk_aaaaaaaaaaaaaaaa." + "A".repeat(43)}));

        for (List<String[]> headers : ambiguous) {
            String erpOrderNumber = uniqueErpOrderNumber();
            anonymous().post().uri("/api/v1/orders")
                    .headers(h -> headers.forEach(header -> h.add(header[0], header[1])))
                    .bodyValue(Requests.release(erpOrderNumber))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:waybill:problem:ambiguous-credentials")
                    .jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("exactly one credential"));

            Integer stored = jdbc.queryForObject("SELECT count(*) FROM order_directory WHERE erp_order_number = ?",
                    Integer.class, erpOrderNumber);
            assertThat(stored).isZero();
        }
    }

    @Test
    void healthIsOpen() {
        anonymous().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void expiredTokenAnswers401() {
        String token = JWT_ISSUER.expiredToken("late-user", TENANT, List.of("process"));

        withBearer(token).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-token");
    }

    @Test
    void tokenSignedByUnknownKeyAnswers401() {
        String token = JWT_ISSUER.tokenSignedByAnotherKey("forger", TENANT, List.of("process", "admin"));

        withBearer(token).get().uri("/api/v1/admin/api-keys")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-token");
    }

    @Test
    void processTokenWithoutTenantAnswers401() {
        String token = token("no-tenant", null, null, Role.PROCESS);

        withBearer(token).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("tenant"));
    }

    @Test
    void malformedApiKeyAnswers401() {
        withApiKey("not-a-key").get().uri("/api/v1/admin/api-keys")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-api-key")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("malformed"))
                .jsonPath("$.fix").value(fix -> assertThat((String) fix).contains("exactly as it was printed")
                        .doesNotContain("revoked"));
    }

    @Test
    void unknownApiKeyAnswers401() {
        withApiKey("wbk_aaaaaaaaaaaaaaaa.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get().uri("/api/v1/admin/api-keys")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:waybill:problem:invalid-api-key");
    }

    @Test
    void noBuiltInUserExists() {
        assertThat(context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
    }

    @Test
    void tenantHeaderDoesNotChooseTenant() {
        String erpOrderNumber = uniqueErpOrderNumber();
        String orderId = clientFor("globex", Role.PROCESS).post().uri("/api/v1/orders")
                .header("X-Tenant-Id", TENANT)
                .bodyValue(Requests.release(erpOrderNumber))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");

        String tenant = jdbc.queryForObject("SELECT tenant_id FROM order_directory WHERE order_id = ?::uuid",
                String.class, orderId);
        assertThat(tenant).isEqualTo("globex");
    }
}
