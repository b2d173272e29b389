package io.waybill.gateway.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery platforms Waybill can send requests to, under {@code waybill.platforms}.
 *
 * @param callTimeout longest time one request may take, retries included; past it the request is
 *                    recorded as timed out. It bounds every adapter, including one that never responds.
 * @param sandbox     the built-in sandbox platform, registered under the id {@code sandbox}
 * @param http        platforms reached over their REST API, by platform id
 */
@ConfigurationProperties("waybill.platforms")
public record PlatformProperties(@DefaultValue("30s") Duration callTimeout, @DefaultValue Sandbox sandbox,
                                 Map<String, Http> http) {

    public PlatformProperties {
        http = http == null ? Map.of() : Map.copyOf(http);
    }

    /**
     * The sandbox responds like a real platform, with ids and tracking numbers derived from the
     * request id, and rejects what its rules say it cannot carry.
     *
     * @param enabled                  false removes the sandbox, for production tenants
     * @param carrier                  carrier name returned with every created shipment
     * @param rejectPostalCodePrefixes destinations it rejects with {@code OUT_OF_AREA}
     * @param maxWeightKg              heaviest parcel it accepts; heavier ones are rejected with
     *                                 {@code WEIGHT_LIMIT_EXCEEDED}
     * @param rejectReturns            true rejects every return with {@code RETURN_NOT_ALLOWED}
     * @param responseDelay            time before each response, to try timeouts by hand
     */
    public record Sandbox(@DefaultValue("true") boolean enabled, @DefaultValue("sandbox-express") String carrier,
                          @DefaultValue("99") List<String> rejectPostalCodePrefixes,
                          @DefaultValue("30") BigDecimal maxWeightKg, @DefaultValue("false") boolean rejectReturns,
                          @DefaultValue("0s") Duration responseDelay) {
    }

    /**
     * A platform's REST API; the request and response bodies are described in docs/processes.md.
     *
     * @param baseUrl         for example {@code https://api.platform.example/v1}
     * @param apiKey          sent as {@code Authorization: Bearer <apiKey>} when set; never logged
     * @param connectTimeout  time to open a connection
     * @param responseTimeout time to wait for one response, per attempt
     */
    public record Http(URI baseUrl, String apiKey, @DefaultValue("2s") Duration connectTimeout,
                       @DefaultValue("5s") Duration responseTimeout, @DefaultValue Retry retry,
                       @DefaultValue CircuitBreaker circuitBreaker) {

        @Override
        public String toString() {
            return "Http[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                    + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", retry="
                    + retry + ", circuitBreaker=" + circuitBreaker + "]";
        }
    }

    /**
     * Retries of failed calls: connection errors, timeouts, 429 and 5xx responses. Rejections (other
     * 4xx responses) are never retried.
     *
     * @param maxAttempts    calls per request, the first included
     * @param initialBackoff wait before the first retry
     * @param multiplier     factor applied to the wait before each further retry
     * @param maxBackoff     longest wait between two calls
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxBackoff) {
    }

    /**
     * The circuit breaker in front of one platform. While it is open, requests fail at once as
     * unavailable, so routing moves on to the next platform without waiting.
     *
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    number of recent calls the rate is computed over
     * @param minimumNumberOfCalls calls needed before the rate counts
     * @param waitInOpenState      time the circuit stays open before it lets trial calls through
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("20") int slidingWindowSize,
                                 @DefaultValue("10") int minimumNumberOfCalls,
                                 @DefaultValue("30s") Duration waitInOpenState) {
    }
}
