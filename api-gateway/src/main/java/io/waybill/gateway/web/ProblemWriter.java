package io.waybill.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.gateway.web.ProblemResponses.Problems;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes {@code application/problem+json} responses from web filters, which run before any
 * controller advice. The bodies match those of {@link ProblemResponses}: type, title, detail,
 * instance, correlation id, and the field, value and fix where they apply.
 */
@Component
public class ProblemWriter {

    /** Exchange attribute naming why a request was rejected; the rejected-request metric reads it. */
    public static final String REJECTION_REASON = ProblemWriter.class.getName() + ".reason";

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Creates a problem whose type is {@code urn:waybill:problem:<type>}. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return Problems.problem(status, type, title, detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("correlationId", CorrelationIdFilter.of(exchange));
        recordReason(exchange, problem);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** Writes a 413 problem for a body larger than {@link CachedBody#MAX_BYTES}. */
    public Mono<Void> payloadTooLarge(ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "the request body is larger than " + CachedBody.MAX_BYTES + " bytes");
        problem.setProperty("fix", "split the upload into smaller requests");
        return write(exchange, problem);
    }

    /** Stores the last segment of the problem type, such as {@code not-found}, as the rejection reason. */
    static void recordReason(ServerWebExchange exchange, ProblemDetail problem) {
        URI type = problem.getType();
        String text = type == null ? "" : type.toString();
        String reason = text.startsWith(Problems.TYPE_PREFIX) ? text.substring(Problems.TYPE_PREFIX.length())
                : "http-" + problem.getStatus();
        exchange.getAttributes().put(REJECTION_REASON, reason);
    }
}
