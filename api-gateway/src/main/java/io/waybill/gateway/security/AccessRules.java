package io.waybill.gateway.security;

import static io.waybill.gateway.security.Role.ADMIN;
import static io.waybill.gateway.security.Role.AUDITOR;
import static io.waybill.gateway.security.Role.FINANCE;
import static io.waybill.gateway.security.Role.MONITORING;
import static io.waybill.gateway.security.Role.PARTNER;
import static io.waybill.gateway.security.Role.PROCESS;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which role reaches which endpoint, by HTTP method and path. The first matching row decides. A
 * request that matches no row is denied (401 without credentials, 403 with them), so a new
 * endpoint stays closed until a row names it. Add a row here when you add an endpoint outside the
 * paths below; docs/security.md shows the same table.
 */
public final class AccessRules {

    /** Methods that change state. Idempotency keys and process rights apply to these. */
    public static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> ANY = Set.of();

    public static final List<AccessRule> RULES = List.of(
            open("health", "/actuator/health", "/actuator/health/**"),
            rule("process", WRITES, Set.of(PROCESS), "/api/v1/orders/**", "/api/v1/shipments/**",
                    "/api/v1/milestones/**"),
            rule("partner", ANY, Set.of(PARTNER), "/api/v1/partners/**"),
            rule("finance", READS, Set.of(FINANCE), "/api/v1/reconciliation/**", "/api/v1/postings/**",
                    "/api/v1/kpis/**", "/api/v1/journal/**"),
            // The ERP reads the posting feed and acknowledges postings with its document numbers.
            rule("finance", ANY, Set.of(FINANCE), "/api/v1/erp/**"),
            rule("audit", READS, Set.of(AUDITOR), "/api/v1/*/*/history", "/api/v1/audit/**"),
            rule("admin", ANY, Set.of(ADMIN), "/api/v1/admin/**"),
            rule("query", READS, Set.of(PROCESS, FINANCE, AUDITOR), "/api/v1/orders/**", "/api/v1/shipments/**"),
            rule("monitoring", READS, Set.of(MONITORING, ADMIN), "/actuator/**"),
            rule("docs", READS, EnumSet.allOf(Role.class), "/v3/api-docs", "/v3/api-docs/**"));

    private AccessRules() {
    }

    /** Returns the first rule matching the request, or empty when the request is denied to everyone. */
    public static Optional<AccessRule> match(ServerHttpRequest request) {
        return match(request.getMethod(), request.getPath().pathWithinApplication());
    }

    public static Optional<AccessRule> match(HttpMethod method, PathContainer path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    private static AccessRule rule(String endpointClass, Set<HttpMethod> methods, Set<Role> roles,
                                   String... patterns) {
        return new AccessRule(endpointClass, methods, List.of(patterns), roles, false);
    }

    private static AccessRule open(String endpointClass, String... patterns) {
        return new AccessRule(endpointClass, READS, List.of(patterns), Set.of(), true);
    }
}
