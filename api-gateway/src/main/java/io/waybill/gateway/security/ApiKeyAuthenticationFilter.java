package io.waybill.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates requests that carry an API key, as {@code Authorization: ApiKey <key>} or
 * {@code X-Api-Key: <key>}, and checks the webhook signature where {@link WebhookSignatures} requires
 * one. Requests without a key pass on unchanged to the JWT check. The key text lives only in this
 * filter's local variables.
 */
final class ApiKeyAuthenticationFilter implements WebFilter {

    static final String SCHEME = "ApiKey";
    static final String HEADER = "X-Api-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeyStore store;
    private final WebhookSignatures signatures;
    private final SecurityProblems problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiKeyStore store, WebhookSignatures signatures, SecurityProblems problems,
                               Clock clock) {
        this.store = store;
        this.signatures = signatures;
        this.problems = problems;
        this.clock = clock;
    }

    private record Authenticated(ServerWebExchange exchange, CallerAuthentication authentication) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String ambiguity = ambiguity(exchange.getRequest().getHeaders());
        if (ambiguity != null) {
            log.info("Rejected a request to {} with {}", exchange.getRequest().getPath(), ambiguity);
            return problems.commence(exchange, ApiKeyAuthenticationException.ambiguousCredentials(
                    "the request carries " + ambiguity));
        }
        String keyText = presentedKey(exchange.getRequest().getHeaders());
        if (keyText == null) {
            return chain.filter(exchange);
        }
        return authenticate(exchange, keyText)
                .<Object>map(authenticated -> authenticated)
                .onErrorResume(ApiKeyAuthenticationException.class, Mono::just)
                .onErrorResume(DataBufferLimitException.class, Mono::just)
                .flatMap(outcome -> {
                    if (outcome instanceof ApiKeyAuthenticationException failure) {
                        return problems.commence(exchange, failure);
                    }
                    if (outcome instanceof DataBufferLimitException) {
                        return problems.payloadTooLarge(exchange);
                    }
                    Authenticated authenticated = (Authenticated) outcome;
                    return chain.filter(authenticated.exchange()).contextWrite(
                            ReactiveSecurityContextHolder.withAuthentication(authenticated.authentication()));
                });
    }

    private Mono<Authenticated> authenticate(ServerWebExchange exchange, String keyText) {
        ApiKeyFormat.Presented presented = ApiKeyFormat.parse(keyText).orElse(null);
        if (presented == null) {
            return Mono.error(ApiKeyAuthenticationException.malformedKey(
                    "the API key is malformed; keys look like wbk_<16 characters>.<43 characters>"));
        }
        Optional<ApiKeyStore.StoredKey> known = store.cached(presented.keyId());
        Mono<Optional<ApiKeyStore.StoredKey>> lookup = known.isPresent() ? Mono.just(known)
                : Mono.fromCallable(() -> store.findForAuthentication(presented.keyId()))
                        .subscribeOn(Schedulers.boundedElastic());
        return lookup
                .flatMap(found -> {
                    ApiKeyStore.StoredKey key = found.orElse(null);
                    Caller caller = check(presented, key, clock.instant());
                    CallerAuthentication authentication = new CallerAuthentication(caller);
                    if (!signatures.required(exchange, caller)) {
                        return Mono.just(new Authenticated(exchange, authentication));
                    }
                    return signatures.verify(exchange, presented.keyId(), keyText)
                            .map(cached -> new Authenticated(cached, authentication));
                });
    }

    private static Caller check(ApiKeyFormat.Presented presented, ApiKeyStore.StoredKey key, Instant now) {
        if (key == null || !ApiKeyFormat.matches(presented, key.secretDigest())) {
            log.info("Rejected an API key with key id {}: unknown key id or wrong secret", presented.keyId());
            throw ApiKeyAuthenticationException.invalidKey("invalid-api-key", "the API key is not valid");
        }
        String status = key.status(now);
        if (!status.equals("active")) {
            log.info("Rejected API key {} ({}): it is {}", key.keyId(), key.name(), status);
            throw ApiKeyAuthenticationException.invalidKey(status + "-api-key", "API key " + key.keyId() + " is "
                    + status);
        }
        String clientId = key.partnerId() != null ? key.partnerId().value() : key.name();
        return new Caller("api-key:" + key.keyId(), clientId, key.tenantId(), key.roles(), key.partnerId(),
                Caller.Credential.API_KEY);
    }

    /** Describes the credentials when there is more than one, or returns null. */
    private static String ambiguity(HttpHeaders headers) {
        int authorizations = headers.getOrEmpty(HttpHeaders.AUTHORIZATION).size();
        int apiKeys = headers.getOrEmpty(HEADER).size();
        if (authorizations + apiKeys <= 1) {
            return null;
        }
        return authorizations + " Authorization and " + apiKeys + " " + HEADER + " headers";
    }

    private static String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return authorization.substring(SCHEME.length() + 1).trim();
        }
        return headers.getFirst(HEADER);
    }
}
