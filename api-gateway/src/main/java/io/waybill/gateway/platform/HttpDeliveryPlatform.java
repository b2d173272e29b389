package io.waybill.gateway.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.platform.CancelRequest;
import io.waybill.shipment.api.platform.CreateShipmentRequest;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import io.waybill.shipment.api.platform.PlatformResponse;
import io.waybill.shipment.api.platform.PlatformResponse.Accepted;
import io.waybill.shipment.api.platform.PlatformResponse.Rejected;
import io.waybill.shipment.api.platform.RedeliveryRequest;
import io.waybill.shipment.api.platform.ReturnRequest;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Adapter for a delivery platform's REST API. Every call sends the request id as
 * {@code Idempotency-Key}, waits at most the configured response timeout, is retried with
 * exponential back-off on connection errors, timeouts, 429 and 5xx responses, and goes through a
 * circuit breaker per platform. Any other 4xx response is the platform's rejection and is returned,
 * not retried.
 */
class HttpDeliveryPlatform implements DeliveryPlatform {

    private static final Logger log = LoggerFactory.getLogger(HttpDeliveryPlatform.class);
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PartnerId id;
    private final WebClient client;
    private final Duration responseTimeout;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    HttpDeliveryPlatform(PartnerId id, PlatformProperties.Http settings, WebClient.Builder builder) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("waybill.platforms.http." + id + ".base-url is missing; give the "
                    + "platform's API root, for example https://api.platform.example/v1");
        }
        this.id = id;
        this.responseTimeout = settings.responseTimeout();
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()));
        WebClient.Builder configured = builder.clone()
                .baseUrl(settings.baseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
        }
        this.client = configured.build();
        this.retry = Retry.of(id + "-retry", retryConfig(settings.retry()));
        this.circuitBreaker = CircuitBreaker.of(id.value(), circuitBreakerConfig(settings.circuitBreaker()));
    }

    @Override
    public PartnerId id() {
        return id;
    }

    /** The circuit breaker's state, for tests and health reporting. */
    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    @Override
    public CompletionStage<PlatformResponse> createShipment(CreateShipmentRequest request) {
        return post("/shipments", request.requestId(), request);
    }

    @Override
    public CompletionStage<PlatformResponse> requestRedelivery(RedeliveryRequest request) {
        return post("/shipments/{reference}/redeliveries", request.requestId(), request, request.platformReference());
    }

    @Override
    public CompletionStage<PlatformResponse> requestReturn(ReturnRequest request) {
        return post("/shipments/{reference}/returns", request.requestId(), request, request.platformReference());
    }

    @Override
    public CompletionStage<PlatformResponse> cancel(CancelRequest request) {
        return post("/cancellations", request.requestId(), request);
    }

    private CompletionStage<PlatformResponse> post(String path, String requestId, Object body,
                                                   Object... pathVariables) {
        Mono<PlatformResponse> attempt = Mono.defer(() -> client.post()
                        .uri(path, pathVariables)
                        .header(IDEMPOTENCY_KEY, requestId)
                        .bodyValue(body)
                        .exchangeToMono(HttpDeliveryPlatform::toResponse))
                .timeout(responseTimeout);
        return attempt
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .doOnError(error -> log.warn("Call to platform {} {} for request {} failed: {}", id, path, requestId,
                        error.toString()))
                .transformDeferred(RetryOperator.of(retry))
                .toFuture();
    }

    private static Mono<PlatformResponse> toResponse(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.is2xxSuccessful()) {
            return response.bodyToMono(JsonNode.class)
                    .map(body -> (PlatformResponse) new Accepted(text(body, "id"), text(body, "trackingNumber"),
                            text(body, "carrier")))
                    .defaultIfEmpty(new Accepted(null, null, null));
        }
        if (status.is5xxServerError() || status.value() == 429 || !status.is4xxClientError()) {
            return response.createException().flatMap(Mono::error);
        }
        String fallbackCode = "HTTP_" + status.value();
        return response.bodyToMono(JsonNode.class)
                .map(body -> (PlatformResponse) new Rejected(firstText(body, fallbackCode, "code", "type"),
                        firstText(body, "rejected with HTTP " + status.value(), "message", "detail", "title")))
                .onErrorResume(unreadable -> Mono.just(new Rejected(fallbackCode,
                        "rejected with HTTP " + status.value())))
                .defaultIfEmpty(new Rejected(fallbackCode, "rejected with HTTP " + status.value()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstText(JsonNode body, String fallback, String... fields) {
        for (String field : fields) {
            String value = text(body, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }

    static boolean retryable(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return false;
        }
        if (error instanceof TimeoutException || error instanceof WebClientRequestException) {
            return true;
        }
        return error instanceof WebClientResponseException response
                && (response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429);
    }

    private static RetryConfig retryConfig(PlatformProperties.Retry settings) {
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(),
                        settings.multiplier(), settings.maxBackoff()))
                .retryOnException(HttpDeliveryPlatform::retryable)
                .build();
    }

    private static CircuitBreakerConfig circuitBreakerConfig(PlatformProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .build();
    }
}
