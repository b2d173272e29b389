package io.waybill.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.gateway.security.AccessRule;
import io.waybill.gateway.security.AccessRules;
import io.waybill.gateway.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every request answered with a 4xx or 5xx status as {@code waybill.http.rejected}, tagged
 * with the problem type as {@code reason} (for example {@code unauthenticated}, {@code forbidden},
 * {@code rate-limited}, {@code idempotency-key-reused}, {@code not-found}) and the endpoint class.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RejectedRequestMetrics implements WebFilter {

    static final String METER = "waybill.http.rejected";

    private final MeterRegistry registry;

    RejectedRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> record(exchange));
    }

    private void record(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null || status.value() < 400) {
            return;
        }
        String reason = exchange.getAttributeOrDefault(ProblemWriter.REJECTION_REASON, "http-" + status.value());
        String endpointClass = AccessRules.match(exchange.getRequest()).map(AccessRule::endpointClass).orElse("none");
        Counter.builder(METER)
                .description("Requests answered with an error status, by reason")
                .tag("reason", reason)
                .tag("endpoint_class", endpointClass)
                .register(registry)
                .increment();
    }
}
