package io.waybill.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.RejectedCommandException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response. Expected
 * rejections name the field, the value received and the fix; anything unexpected is logged with
 * the correlation id and returned without internal detail.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(RejectedCommandException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedCommandException e, ServerWebExchange exchange) {
        return respond(Problems.fromRejection(e), exchange);
    }

    @ExceptionHandler(MalformedPayloadException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedPayloadException e, ServerWebExchange exchange) {
        String where = e.position();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-payload", "Malformed payload",
                e.getMessage() + (where.isEmpty() ? "" : " at " + where) + "; nothing was recorded");
        problem.setProperty("format", e.format());
        problem.setProperty("line", e.line() > 0 ? e.line() : null);
        problem.setProperty("column", e.column() > 0 ? e.column() : null);
        problem.setProperty("segment", e.segment() > 0 ? e.segment() : null);
        problem.setProperty("fix", e.fix());
        return respond(problem, exchange);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e, ServerWebExchange exchange) {
        String field = exchange.getRequest().getPath().value().contains("/orders/") ? "orderId" : "shipmentId";
        String id = String.valueOf(e.getAggregateIdentifier());
        return respond(Problems.fromRejection(new NotFoundException(field, id)), exchange);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "concurrent-change",
                "Concurrent change", "another request changed the same order or shipment at the same time");
        problem.setProperty("fix", "send the request again; it is idempotent");
        return respond(problem, exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e, ServerWebExchange exchange) {
        Throwable cause = e.getCause() instanceof DecodingException decoding ? decoding.getCause() : e.getCause();
        while (cause instanceof ValueInstantiationException && cause.getCause() != null) {
            if (cause.getCause() instanceof RejectedCommandException rejection) {
                return respond(Problems.fromRejection(rejection), exchange);
            }
            cause = cause.getCause();
        }
        if (cause instanceof RejectedCommandException rejection) {
            return respond(Problems.fromRejection(rejection), exchange);
        }
        if (cause instanceof JsonProcessingException json) {
            return respond(Problems.fromJson(json), exchange);
        }
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                e.getReason() == null ? "the request could not be read" : e.getReason());
        problem.setProperty("fix", "send a JSON body that matches the API reference");
        return respond(problem, exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode code = e.getStatusCode();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, e.getReason() == null
                ? HttpStatus.valueOf(code.value()).getReasonPhrase() : e.getReason());
        problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + code.value()));
        return respond(problem, exchange);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("Request {} {} failed, correlation id {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), CorrelationIdFilter.of(exchange), e);
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the ledger could not complete the request; nothing was recorded for it");
        problem.setProperty("fix", "retry later and quote the correlation id to the operator if it persists");
        return respond(problem, exchange);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, ServerWebExchange exchange) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("correlationId", CorrelationIdFilter.of(exchange));
        ProblemWriter.recordReason(exchange, problem);
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Builders of the problem bodies, shared with the batch endpoint that reports each item. */
    static final class Problems {

        static final String TYPE_PREFIX = "urn:waybill:problem:";

        private Problems() {
        }

        static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(URI.create(TYPE_PREFIX + type));
            problem.setTitle(title);
            return problem;
        }

        static ProblemDetail fromRejection(RejectedCommandException e) {
            ProblemDetail problem;
            if (e instanceof NotFoundException) {
                problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
            } else if (e instanceof ConflictException) {
                problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
            } else {
                problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field", e.getMessage());
            }
            problem.setProperty("field", e.field());
            problem.setProperty("value", e.value());
            problem.setProperty("fix", e.fix());
            return problem;
        }

        static ProblemDetail fromJson(JsonProcessingException e) {
            boolean truncated = e instanceof JsonEOFException
                    || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
            String field = e instanceof JsonMappingException mapping && !truncated ? path(mapping.getPath()) : null;
            String fix;
            String value = null;
            if (e instanceof UnrecognizedPropertyException unknown) {
                fix = "remove " + field + "; accepted fields here are " + unknown.getKnownPropertyIds();
            } else if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
                fix = "remove NUL characters and unpaired surrogates from " + field;
            } else if (e instanceof InvalidFormatException format) {
                value = String.valueOf(format.getValue());
                fix = "give " + field + " as " + describe(format.getTargetType());
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                fix = "give " + field + " as " + describe(mismatch.getTargetType());
            } else if (truncated) {
                fix = "send the complete JSON document; it ended early";
            } else {
                fix = "send well-formed JSON";
            }
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String detail = (field == null || field.isEmpty() ? "malformed JSON" : field + " is invalid") + where;
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, field == null || field.isEmpty()
                    ? "malformed-json" : "invalid-field", field == null || field.isEmpty()
                    ? "Malformed JSON" : "Invalid field", detail);
            problem.setProperty("field", field == null || field.isEmpty() ? null : field);
            problem.setProperty("value", value);
            problem.setProperty("fix", fix);
            if (e.getLocation() != null) {
                problem.setProperty("line", e.getLocation().getLineNr());
                problem.setProperty("column", e.getLocation().getColumnNr());
            }
            return problem;
        }

        private static String path(List<JsonMappingException.Reference> references) {
            StringBuilder text = new StringBuilder();
            for (JsonMappingException.Reference reference : references) {
                if (reference.getFieldName() != null) {
                    text.append(text.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    text.append('[').append(reference.getIndex()).append(']');
                }
            }
            return text.toString();
        }

        private static String describe(Class<?> type) {
            if (type.isEnum()) {
                return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
            }
            return switch (type.getSimpleName()) {
                case "Instant" -> "a UTC instant such as 2026-03-01T10:15:00Z";
                case "LocalDate" -> "a date such as 2026-03-01";
                case "Duration" -> "an ISO-8601 duration such as PT1H or PT30M";
                case "BigDecimal" -> "a decimal number such as 19.90";
                case "Integer", "int", "Long", "long" -> "a whole number";
                case "Boolean", "boolean" -> "true or false";
                case "String" -> "a string";
                default -> "a " + type.getSimpleName() + " value";
            };
        }
    }
}
