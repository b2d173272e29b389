package io.waybill.gateway.idempotency;

import io.waybill.gateway.security.AccessRules;
import io.waybill.gateway.security.Caller;
import io.waybill.gateway.security.CurrentCaller;
import io.waybill.gateway.web.CachedBody;
import io.waybill.gateway.web.ProblemWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Idempotency-Key} on every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}).
 * The first request with a key runs and its response is stored with a SHA-256 fingerprint of
 * method, path, query and body. A repeat with the same fingerprint gets the stored response back
 * (marked {@value #REPLAYED_HEADER}); the same key with another request is rejected with 422; a
 * repeat while the first still runs gets 409. The security chain runs {@link #filter} after
 * authorization, so it covers every endpoint, including ones added later.
 * <p>
 * Responses with status 409, 429 or 5xx are not kept, because a retry may succeed: the key is
 * freed instead. A handler that returns a secret sets {@link #DO_NOT_STORE} so that its response
 * never reaches the database.
 */
@Component
public class IdempotencyHandler {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Exchange attribute: when present, the response is not stored and the key is freed. */
    public static final String DO_NOT_STORE = IdempotencyHandler.class.getName() + ".doNotStore";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyHandler.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemWriter writer;
    private final Clock clock;

    IdempotencyHandler(IdempotencyStore store, IdempotencyProperties properties, ProblemWriter writer, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.writer = writer;
        this.clock = clock;
    }

    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<Caller> caller = CurrentCaller.of(exchange);
        if (!AccessRules.WRITES.contains(request.getMethod()) || caller.isEmpty()) {
            return chain.filter(exchange);
        }
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null) {
            return properties.required() ? reject(exchange, missingKey()) : chain.filter(exchange);
        }
        if (!KEY_FORMAT.matcher(key).matches()) {
            return reject(exchange, invalidKey(key));
        }
        String scope = scope(caller.get());
        return CachedBody.read(exchange)
                .flatMap(read -> {
                    byte[] fingerprint = fingerprint(request, read.bytes());
                    Instant now = clock.instant();
                    return Mono.fromCallable(() -> store.claim(scope, key, fingerprint, now,
                                    now.plus(properties.ttl()), now.minus(properties.inProgressTimeout())))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(claim -> answer(claim, read.exchange(), chain, scope, key));
                })
                .onErrorResume(DataBufferLimitException.class, e -> writer.payloadTooLarge(exchange));
    }

    private Mono<Void> answer(IdempotencyStore.Claim claim, ServerWebExchange exchange, WebFilterChain chain,
                              String scope, String key) {
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            return replay(exchange, replay.response());
        }
        if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            return reject(exchange, mismatch(key));
        }
        if (claim instanceof IdempotencyStore.Claim.InProgress) {
            return inProgress(exchange, key);
        }
        return runFirst(exchange, chain, scope, key);
    }

    private Mono<Void> runFirst(ServerWebExchange exchange, WebFilterChain chain, String scope, String key) {
        AtomicBoolean settled = new AtomicBoolean();
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator recording = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return DataBufferUtils.join(Flux.from(body))
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .flatMap(bytes -> settle(exchange, scope, key, bytes, settled)
                                .then(Mono.defer(() -> getDelegate().writeWith(
                                        Mono.just(getDelegate().bufferFactory().wrap(bytes))))));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return writeWith(Flux.from(body).flatMapSequential(part -> part));
            }
        };
        return chain.filter(exchange.mutate().response(recording).build())
                .then(Mono.defer(() -> settle(exchange, scope, key, new byte[0], settled)))
                .onErrorResume(error -> releaseOnce(scope, key, settled).then(Mono.error(error)))
                .doOnCancel(() -> {
                    if (settled.compareAndSet(false, true)) {
                        Mono.fromRunnable(() -> store.release(scope, key)).subscribeOn(Schedulers.boundedElastic())
                                .subscribe(null, error -> log.warn("Could not free Idempotency-Key of a cancelled "
                                        + "request, scope {}", scope, error));
                    }
                });
    }

    /** Stores or frees the key once per request, before the response goes out. */
    private Mono<Void> settle(ServerWebExchange exchange, String scope, String key, byte[] body,
                              AtomicBoolean settled) {
        if (!settled.compareAndSet(false, true)) {
            return Mono.empty();
        }
        ServerHttpResponse response = exchange.getResponse();
        HttpStatusCode status = response.getStatusCode() == null ? HttpStatus.OK : response.getStatusCode();
        boolean keep = !exchange.getAttributes().containsKey(DO_NOT_STORE) && !status.is5xxServerError()
                && status.value() != HttpStatus.CONFLICT.value() && status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
        MediaType contentType = response.getHeaders().getContentType();
        String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Runnable action = keep
                ? () -> store.complete(scope, key, new IdempotencyStore.StoredResponse(status.value(),
                        contentType == null ? null : contentType.toString(), location, body))
                : () -> store.release(scope, key);
        return Mono.fromRunnable(action).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<Void> releaseOnce(String scope, String key, AtomicBoolean settled) {
        if (!settled.compareAndSet(false, true)) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> store.release(scope, key)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyStore.StoredResponse stored) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        if (stored.contentType() != null) {
            response.getHeaders().setContentType(MediaType.parseMediaType(stored.contentType()));
        }
        if (stored.location() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, stored.location());
        }
        response.getHeaders().set(REPLAYED_HEADER, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        if (body.length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private Mono<Void> inProgress(ServerWebExchange exchange, String key) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                "Request in progress", "a request with Idempotency-Key " + key + " is still running");
        problem.setProperty("field", HEADER);
        problem.setProperty("value", key);
        problem.setProperty("fix", "wait for the first request to finish, then repeat it to get its response");
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return writer.write(exchange, problem);
    }

    private Mono<Void> reject(ServerWebExchange exchange, ProblemDetail problem) {
        return writer.write(exchange, problem);
    }

    private static ProblemDetail mismatch(String key) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency key reused", "Idempotency-Key " + key + " was already used for a different request");
        problem.setProperty("field", HEADER);
        problem.setProperty("value", key);
        problem.setProperty("fix", "send a new Idempotency-Key for a new request; repeat a request only with its "
                + "original method, path and body");
        return problem;
    }

    private static ProblemDetail missingKey() {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "missing-idempotency-key",
                "Missing idempotency key", "every write needs an Idempotency-Key header");
        problem.setProperty("field", HEADER);
        problem.setProperty("fix", "send a unique value, such as a UUID, in the Idempotency-Key header and reuse "
                + "it when you retry the same request");
        return problem;
    }

    private static ProblemDetail invalidKey(String key) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                "Idempotency-Key is invalid");
        problem.setProperty("field", HEADER);
        problem.setProperty("value", key.length() > 300 ? key.substring(0, 300) + "..." : key);
        problem.setProperty("fix", "use 1 to 255 visible ASCII characters, such as a UUID");
        return problem;
    }

    /** Keys belong to the tenant and client that sent them; another client may use the same value. */
    private static String scope(Caller caller) {
        String scope = (caller.tenantId() == null ? "-" : caller.tenantId().value()) + "/" + caller.clientId();
        return scope.length() <= 200 ? scope : "sha256:" + HexFormat.of().formatHex(sha256(scope.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] fingerprint(ServerHttpRequest request, byte[] body) {
        String query = request.getURI().getRawQuery();
        String line = request.getMethod().name() + " " + request.getURI().getRawPath()
                + (query == null ? "" : "?" + query) + "\n";
        byte[] head = line.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return sha256(all);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Scheduled(fixedDelayString = "${waybill.maintenance.purge-interval:PT10M}")
    void purgeExpired() {
        int purged = store.purgeExpired(clock.instant());
        if (purged > 0) {
            log.debug("Purged {} expired idempotency records", purged);
        }
    }
}
