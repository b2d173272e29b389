package io.waybill.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.gateway.support.Endpoints;
import io.waybill.gateway.support.Endpoints.Endpoint;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

class AuthorizationTest extends LedgerIntegrationTest {

    /** Roles tried in this order when a test needs one the endpoint does not accept. */
    private static final List<Role> WRONG_ROLE_CANDIDATES = List.of(Role.AUDITOR, Role.FINANCE, Role.PROCESS,
            Role.MONITORING, Role.ADMIN, Role.PARTNER);

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointWithWrongRoleAnswers403() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.all(context)) {
            Optional<AccessRule> rule = AccessRules.match(endpoint.method(), PathContainer.parsePath(endpoint.path()));
            Optional<Role> candidate = WRONG_ROLE_CANDIDATES.stream()
                    .filter(role -> rule.isEmpty() || !rule.get().roles().contains(role))
                    .findFirst();
            if (rule.isPresent() && rule.get().open() || candidate.isEmpty()) {
                continue;
            }
            Role wrong = candidate.get();
            int status = client(wrong).method(endpoint.method()).uri(endpoint.path()).bodyValue("{}")
                    .exchange().expectBody().returnResult().getStatus().value();
            if (status != 403) {
                failures.add(endpoint + " as " + wrong.claimValue() + " -> " + status);
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void everyEndpointLetsItsOwnRoleThrough() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.all(context)) {
            Optional<AccessRule> rule = AccessRules.match(endpoint.method(), PathContainer.parsePath(endpoint.path()));
            if (rule.isEmpty() || rule.get().open()) {
                continue;
            }
            for (Role role : rule.get().roles()) {
                int status = client(role).method(endpoint.method()).uri(endpoint.path()).bodyValue("{}")
                        .exchange().expectBody().returnResult().getStatus().value();
                if (status == 401 || status == 403) {
                    failures.add(endpoint + " as " + role.claimValue() + " -> " + status);
                }
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void forbiddenProblemListsRequiredRoles() {
        clientFor(TENANT, Role.AUDITOR).post().uri("/api/v1/orders").bodyValue(Requests.release(uniqueErpOrderNumber()))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:waybill:problem:forbidden")
                .jsonPath("$.requiredRoles[0]").isEqualTo("process")
                .jsonPath("$.correlationId").exists();
    }

    @Test
    void tokenWithoutWaybillRolesAnswers403() {
        withBearer(JWT_ISSUER.token("someone", TENANT, null, List.of("viewer"))).get()
                .uri("/api/v1/orders/{id}/history", "7d5c2f1e-0d7a-4c1b-9f8e-2a3b4c5d6e7f")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void pathOutsideTheTableAnswers403WhenAuthenticated() {
        http.get().uri("/api/v2/orders").exchange().expectStatus().isForbidden();
        anonymous().get().uri("/api/v2/orders").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void ruleTableClassifiesKnownPaths() {
        assertThat(endpointClass("POST", "/api/v1/orders")).contains("process");
        assertThat(endpointClass("POST", "/api/v1/milestones/batch")).contains("process");
        assertThat(endpointClass("GET", "/api/v1/shipments/1/history")).contains("audit");
        assertThat(endpointClass("GET", "/api/v1/shipments/1")).contains("query");
        assertThat(endpointClass("GET", "/api/v1/reconciliation/orders")).contains("finance");
        assertThat(endpointClass("POST", "/api/v1/reconciliation/orders")).isEmpty();
        assertThat(endpointClass("DELETE", "/api/v1/admin/dead-letters/1")).contains("admin");
        assertThat(endpointClass("POST", "/api/v1/partners/dhl/webhooks")).contains("partner");
        assertThat(endpointClass("GET", "/actuator/prometheus")).contains("monitoring");
        assertThat(endpointClass("GET", "/actuator/health/readiness")).contains("health");
    }

    private static Optional<String> endpointClass(String method, String path) {
        return AccessRules.match(org.springframework.http.HttpMethod.valueOf(method), PathContainer.parsePath(path))
                .map(AccessRule::endpointClass);
    }

    private WebTestClient client(Role role) {
        return switch (role) {
            case PARTNER -> partnerClient(TENANT, "authz-probe");
            case ADMIN, MONITORING -> withBearer(token("platform-user", null, null, role));
            default -> clientFor(TENANT, role);
        };
    }
}
