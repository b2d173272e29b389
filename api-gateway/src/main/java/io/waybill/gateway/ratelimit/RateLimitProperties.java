package io.waybill.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request limits per client and endpoint class. A client is a partner id for partner callers,
 * otherwise the JWT subject or the API key's name, always within its tenant. Each client gets one
 * token bucket per endpoint class ({@code process}, {@code partner}, {@code finance}, {@code audit},
 * {@code admin}, {@code query}, {@code monitoring}, {@code docs}).
 *
 * @param enabled         false turns every limit off
 * @param endpointClasses limit of each endpoint class; a class not listed gets {@code fallback}
 * @param clients         overrides by client id, then by endpoint class, for example
 *                        {@code clients.dhl.partner.capacity=6000}
 * @param fallback        limit of endpoint classes not listed
 */
@ConfigurationProperties("waybill.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue Map<String, Limit> endpointClasses,
                                  @DefaultValue Map<String, Map<String, Limit>> clients,
                                  @DefaultValue Limit fallback) {

    /**
     * A token bucket: up to {@code capacity} requests at once, refilled evenly to {@code capacity}
     * over {@code period}.
     */
    public record Limit(@DefaultValue("600") long capacity, @DefaultValue("1m") Duration period) {
    }

    Limit limitFor(String clientId, String endpointClass) {
        Map<String, Limit> overrides = clients.get(clientId);
        if (overrides != null && overrides.containsKey(endpointClass)) {
            return overrides.get(endpointClass);
        }
        return endpointClasses.getOrDefault(endpointClass, fallback);
    }
}
