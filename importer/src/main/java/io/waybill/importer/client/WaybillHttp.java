package io.waybill.importer.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * JSON over HTTP to one Waybill service with one API key, which also decides the tenant. Every
 * process request of the importer is
 * idempotent, so a request that failed for a temporary reason is sent again with growing pauses until
 * the retry window runs out. Temporary reasons are no connection, a 502, 503 or 504 status, and a
 * concurrent change of the same aggregate.
 */
public final class WaybillHttp {

    private static final int MAX_RATE_LIMIT_WAITS = 20;
    private static final Duration LONGEST_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private static final String CONCURRENT_CHANGE = "urn:waybill:problem:concurrent-change";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final HttpClient client;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration retryWindow;
    private final ObjectMapper json;
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();

    public WaybillHttp(URI baseUrl, String apiKey, Duration retryWindow) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.retryWindow = retryWindow;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns a client of the same service that authenticates with another key. */
    public WaybillHttp withApiKey(String otherKey) {
        return new WaybillHttp(baseUrl, otherKey, retryWindow);
    }

    /** Requests sent so far, retries included. */
    public long requestCount() {
        return requests.sum();
    }

    /** Requests sent again after a temporary failure. */
    public long retryCount() {
        return retries.sum();
    }

    public <T> T post(String path, Object body, Class<T> responseType)
            throws ApiRejectedException, ServiceUnreachableException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "ApiKey " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body)))
                .build();
        return convert(send(request), responseType);
    }

    public <T> T get(String path, Class<T> responseType) throws ApiRejectedException, ServiceUnreachableException {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "ApiKey " + apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        return convert(send(request), responseType);
    }

    private JsonNode send(HttpRequest request) throws ApiRejectedException, ServiceUnreachableException {
        long deadline = System.nanoTime() + retryWindow.toNanos();
        Duration pause = FIRST_PAUSE;
        int rateLimitWaits = 0;
        while (true) {
            requests.increment();
            Exception temporary;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode body = read(response.body());
                if (response.statusCode() < 400) {
                    return body;
                }
                ApiRejectedException rejection = rejection(response.statusCode(), body);
                if (response.statusCode() == 429 && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
                    // Over the rate limit: wait as long as the service asks, then send again.
                    rateLimitWaits++;
                    retries.increment();
                    sleep(retryAfter(response));
                    continue;
                }
                if (!isTemporary(rejection)) {
                    throw rejection;
                }
                temporary = rejection;
            } catch (IOException e) {
                temporary = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnreachableException("interrupted while waiting for the response of " + request.uri(), e);
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                if (temporary instanceof ApiRejectedException rejection) {
                    throw rejection;
                }
                throw new ServiceUnreachableException("request to " + request.uri() + " failed for "
                        + retryWindow.toSeconds() + " s: " + temporary + "; check that the service is running", temporary);
            }
            retries.increment();
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        Duration wait = Duration.ofSeconds(Math.max(seconds, 1));
        return wait.compareTo(LONGEST_RATE_LIMIT_WAIT) > 0 ? LONGEST_RATE_LIMIT_WAIT : wait;
    }

    private static boolean isTemporary(ApiRejectedException rejection) {
        int status = rejection.status();
        return status == 502 || status == 503 || status == 504
                || (status == 409 && CONCURRENT_CHANGE.equals(rejection.type()));
    }

    private static ApiRejectedException rejection(int status, JsonNode problem) {
        return new ApiRejectedException(status, text(problem, "type"), text(problem, "field"),
                text(problem, "value"), text(problem, "detail"), text(problem, "fix"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void sleep(Duration pause) throws ServiceUnreachableException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachableException("interrupted while waiting to retry", e);
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body " + body, e);
        }
    }

    private JsonNode read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            // Not JSON, for example a proxy's error page, so the status code is all the caller gets.
            return null;
        }
    }

    private <T> T convert(JsonNode body, Class<T> type) {
        if (type == JsonNode.class) {
            return type.cast(body);
        }
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unexpected response body for " + type.getSimpleName() + ": " + body, e);
        }
    }
}
