package io.waybill.gateway.security;

import io.waybill.gateway.web.ProblemWriter;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes 401 for failed authentication and 403 for failed authorization, both as problem+json.
 * The messages never repeat the token or key that was sent.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String AUTHENTICATE_HEADER_VALUE = "Bearer, ApiKey";

    private final ProblemWriter writer;

    SecurityProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ProblemDetail problem;
        if (failure instanceof ApiKeyAuthenticationException apiKey) {
            problem = ProblemWriter.problem(HttpStatus.UNAUTHORIZED, apiKey.reason(), apiKey.title(),
                    apiKey.getMessage());
            problem.setProperty("fix", apiKey.fix());
        } else if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            problem = ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                    description == null ? "the bearer token was rejected" : description);
            problem.setProperty("fix", "send a current JWT from the configured issuer as 'Authorization: Bearer <token>'");
        } else {
            problem = ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "this endpoint needs credentials and the request carried none");
            problem.setProperty("fix", "send a JWT as 'Authorization: Bearer <token>' or an API key as "
                    + "'Authorization: ApiKey <key>'");
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, AUTHENTICATE_HEADER_VALUE);
        return writer.write(exchange, problem);
    }

    Mono<Void> payloadTooLarge(ServerWebExchange exchange) {
        return writer.payloadTooLarge(exchange);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        Optional<AccessRule> rule = AccessRules.match(exchange.getRequest());
        String method = String.valueOf(exchange.getRequest().getMethod());
        String path = exchange.getRequest().getPath().value();
        ProblemDetail problem;
        if (rule.isPresent()) {
            problem = ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the caller's roles do not include one that " + method + " " + path + " needs");
            problem.setProperty("requiredRoles", rule.get().roles().stream().map(Role::claimValue).sorted().toList());
            problem.setProperty("fix", "use a credential with one of the required roles");
        } else {
            problem = ProblemWriter.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "no role may call " + method + " " + path);
            problem.setProperty("fix", "check the method and path against the API reference");
        }
        return writer.write(exchange, problem);
    }
}
