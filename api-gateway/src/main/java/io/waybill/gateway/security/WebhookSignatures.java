package io.waybill.gateway.security;

import io.waybill.gateway.web.CachedBody;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks the HMAC-SHA256 signature that partner webhooks carry. A write to {@code /api/v1/partners/**}
 * made with a partner API key must send
 * <ul>
 *   <li>{@value #TIMESTAMP_HEADER}: the Unix time in seconds when it was signed, and</li>
 *   <li>{@value #SIGNATURE_HEADER}: {@code v1=} and the lower-case hex HMAC-SHA256, keyed by the API key
 *       text, of {@code <timestamp>.<METHOD>.<path and query>.<body bytes>}.</li>
 * </ul>
 * A timestamp further than the configured tolerance from the ledger's clock is rejected, and so is a
 * signature that was already accepted once, so a captured request cannot be sent again.
 */
@Component
class WebhookSignatures {

    static final String TIMESTAMP_HEADER = "X-Waybill-Timestamp";
    static final String SIGNATURE_HEADER = "X-Waybill-Signature";
    private static final String VERSION_PREFIX = "v1=";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration tolerance;

    WebhookSignatures(JdbcTemplate jdbc, Clock clock, WaybillSecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tolerance = properties.signatures().tolerance();
    }

    boolean required(ServerWebExchange exchange, Caller caller) {
        ServerHttpRequest request = exchange.getRequest();
        return caller.credential() == Caller.Credential.API_KEY && caller.has(Role.PARTNER)
                && AccessRules.WRITES.contains(request.getMethod())
                && request.getPath().pathWithinApplication().value().startsWith("/api/v1/partners/");
    }

    /**
     * Verifies the signature and records it as used. Returns the exchange with its body cached, or
     * fails with {@link ApiKeyAuthenticationException}.
     */
    Mono<ServerWebExchange> verify(ServerWebExchange exchange, String keyId, String keyText) {
        ServerHttpRequest request = exchange.getRequest();
        String timestampText = request.getHeaders().getFirst(TIMESTAMP_HEADER);
        String signature = request.getHeaders().getFirst(SIGNATURE_HEADER);
        if (timestampText == null || signature == null) {
            return Mono.error(ApiKeyAuthenticationException.invalidSignature("missing-signature",
                    "a partner webhook needs the " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " headers"));
        }

        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            return Mono.error(ApiKeyAuthenticationException.invalidSignature("invalid-signature",
                    TIMESTAMP_HEADER + " must be the Unix time in seconds, got '" + shorten(timestampText) + "'"));
        }

        Instant signedAt = Instant.ofEpochSecond(timestamp);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return Mono.error(ApiKeyAuthenticationException.invalidSignature("expired-signature",
                    "the signature's timestamp " + signedAt + " is more than " + tolerance.toSeconds()
                            + " seconds away from the ledger's clock " + now));
        }

        if (!signature.startsWith(VERSION_PREFIX)) {
            return Mono.error(ApiKeyAuthenticationException.invalidSignature("invalid-signature",
                    SIGNATURE_HEADER + " must start with " + VERSION_PREFIX));
        }

        String presented = signature.substring(VERSION_PREFIX.length()).trim().toLowerCase();
        return CachedBody.read(exchange).flatMap(read -> {
            String expected = sign(keyText, timestampText.trim(), request, read.bytes());
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    presented.getBytes(StandardCharsets.US_ASCII))) {
                return Mono.error(ApiKeyAuthenticationException.invalidSignature("invalid-signature",
                        "the signature does not match the request body, method, path and timestamp"));
            }
            return Mono.fromCallable(() -> recordFirstUse(expected, keyId, now, signedAt.plus(tolerance)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(first -> first ? Mono.just(read.exchange())
                            : Mono.error(ApiKeyAuthenticationException.invalidSignature("replayed-signature",
                                    "this signature was already used; a request is accepted once")));
        });
    }

    /** Computes the lower-case hex signature of a request, as a partner does. */
    static String sign(String keyText, String timestamp, ServerHttpRequest request, byte[] body) {
        String path = request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
        byte[] prefix = (timestamp + "." + request.getMethod().name() + "." + path + ".")
                .getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyText.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    private boolean recordFirstUse(String signature, String keyId, Instant now, Instant expiresAt) {
        return jdbc.update("""
                INSERT INTO webhook_signature (signature, key_id, seen_at, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (signature) DO NOTHING""", signature, keyId, Timestamp.from(now),
                Timestamp.from(expiresAt)) == 1;
    }

    /** Deletes signatures whose timestamp is now outside the window, where the timestamp check rejects them. */
    @Scheduled(fixedDelayString = "${waybill.maintenance.purge-interval:PT10M}")
    void purgeExpired() {
        jdbc.update("DELETE FROM webhook_signature WHERE expires_at < ?", Timestamp.from(clock.instant()));
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
