package io.waybill.gateway.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body once so that several filters (signature check, idempotency fingerprint) and
 * the controller can all see it. The bytes are kept in an exchange attribute, and the returned exchange
 * replays them to the next reader of the body.
 */
public final class CachedBody {

    /** Largest body a filter reads into memory; a filter rejects anything bigger with 413. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String ATTRIBUTE = CachedBody.class.getName() + ".bytes";

    private CachedBody() {
    }

    /** The cached exchange together with its body bytes, empty for a request without a body. */
    public record Read(ServerWebExchange exchange, byte[] bytes) {
    }

    /**
     * Reads the body, or reuses bytes an earlier filter read. Fails with
     * {@link org.springframework.core.io.buffer.DataBufferLimitException} past {@link #MAX_BYTES}.
     */
    public static Mono<Read> read(ServerWebExchange exchange) {
        byte[] cached = exchange.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return Mono.just(new Read(exchange, cached));
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    exchange.getAttributes().put(ATTRIBUTE, bytes);
                    return new Read(replaying(exchange, bytes), bytes);
                });
    }

    private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> bytes.length == 0 ? Flux.empty()
                        : Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        return exchange.mutate().request(request).build();
    }
}
