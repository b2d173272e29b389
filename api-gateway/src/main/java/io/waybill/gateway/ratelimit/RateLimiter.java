package io.waybill.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.waybill.gateway.security.AccessRule;
import io.waybill.gateway.security.AccessRules;
import io.waybill.gateway.security.Caller;
import io.waybill.gateway.security.CurrentCaller;
import io.waybill.gateway.web.ProblemWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token-bucket rate limits (Bucket4j) per tenant, client and endpoint class. A request over the
 * limit is rejected with 429 and {@code Retry-After} in whole seconds. The security chain runs {@link #filter} after
 * authorization, so only authenticated, authorised requests use up tokens.
 * <p>
 * NOTE: buckets live in this process's memory, so with several nodes each node allows the
 * configured rate on its own.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final ProblemWriter writer;
    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties properties, ProblemWriter writer) {
        this.properties = properties;
        this.writer = writer;
    }

    private record BucketKey(String tenant, String clientId, String endpointClass) {
    }

    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Caller> caller = CurrentCaller.of(exchange);
        Optional<AccessRule> rule = AccessRules.match(exchange.getRequest());
        if (!properties.enabled() || caller.isEmpty() || rule.isEmpty()) {
            return chain.filter(exchange);
        }
        String endpointClass = rule.get().endpointClass();
        Caller who = caller.get();
        BucketKey key = new BucketKey(who.tenantId() == null ? "" : who.tenantId().value(), who.clientId(),
                endpointClass);
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> newBucket(who.clientId(), endpointClass));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            exchange.getResponse().getHeaders().set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            return chain.filter(exchange);
        }
        long retryAfterSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        RateLimitProperties.Limit limit = properties.limitFor(who.clientId(), endpointClass);
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "client " + who.clientId() + " used up its " + limit.capacity()
                        + " requests per " + limit.period() + " for " + endpointClass + " endpoints");
        problem.setProperty("endpointClass", endpointClass);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        problem.setProperty("fix", "wait " + retryAfterSeconds + " seconds before the next request, or ask an "
                + "operator for a higher limit");
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return writer.write(exchange, problem);
    }

    private Bucket newBucket(String clientId, String endpointClass) {
        RateLimitProperties.Limit limit = properties.limitFor(clientId, endpointClass);
        Duration period = limit.period();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), period).build())
                .build();
    }

    /** Drops full buckets: a new bucket starts full, so forgetting them changes nothing and bounds memory. */
    @Scheduled(fixedDelayString = "${waybill.maintenance.purge-interval:PT10M}")
    void dropFullBuckets() {
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens()
                >= properties.limitFor(entry.getKey().clientId(), entry.getKey().endpointClass()).capacity());
    }
}
