package io.waybill.gateway.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes the W3C {@code traceparent} of the request's server span available to controllers (for
 * command metadata) and returns it in the response, so a caller can find its request in the traces.
 * The span itself comes from Spring's HTTP server observation, which continues the caller's
 * {@code traceparent} when one is sent. Without tracing, a well-formed incoming header is passed on
 * as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TraceContextFilter implements WebFilter {

    public static final String HEADER = "traceparent";
    static final String ATTRIBUTE = TraceContextFilter.class.getName() + ".traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = serverSpan(exchange).map(TraceContextFilter::format)
                .orElseGet(() -> wellFormed(exchange.getRequest().getHeaders().getFirst(HEADER)));
        if (traceparent != null) {
            exchange.getAttributes().put(ATTRIBUTE, traceparent);
            exchange.getResponse().getHeaders().set(HEADER, traceparent);
        }
        return chain.filter(exchange);
    }

    /** Returns the request's {@code traceparent}, or {@code null} when there is none. */
    public static String traceparent(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    private static Optional<TraceContext> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> ((TracingObservationHandler.TracingContext) tracing).getSpan())
                .map(Span::context);
    }

    static String format(TraceContext context) {
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (sampled ? "01" : "00");
    }

    private static String wellFormed(String header) {
        return header != null && FORMAT.matcher(header).matches() ? header : null;
    }
}
