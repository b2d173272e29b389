package io.waybill.gateway.security;

import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The authenticated caller of a request, kept as an exchange attribute so that synchronous code
 * (controllers building command metadata, rate limits, idempotency) can read it without the
 * Reactor context. The filter that sets it runs right after authorization.
 */
public final class CurrentCaller {

    static final String ATTRIBUTE = CurrentCaller.class.getName();

    private CurrentCaller() {
    }

    /** Returns the caller, or empty on an open endpoint or before authentication ran. */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    static WebFilter exposingFilter() {
        return (ServerWebExchange exchange, WebFilterChain chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .doOnNext(authentication -> exchange.getAttributes().put(ATTRIBUTE, authentication.caller()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
