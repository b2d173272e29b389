package io.waybill.gateway.security;

import io.waybill.gateway.idempotency.IdempotencyHandler;
import io.waybill.gateway.ratelimit.RateLimiter;
import io.waybill.gateway.web.ProblemWriter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The one security filter chain. Every request is stateless: it authenticates with an API key or,
 * when an issuer is configured, a JWT. {@link AccessRules} then decides by method and path; after
 * that come rate limits and idempotency, so that they see the authenticated caller and apply to
 * every endpoint, including ones added later.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
                                                  WaybillSecurityProperties properties, ApiKeyStore keys,
                                                  WebhookSignatures signatures, ProblemWriter writer, Clock clock,
                                                  RateLimiter rateLimits, IdempotencyHandler idempotency) {
        SecurityProblems problems = new SecurityProblems(writer);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(exchanges -> {
                    for (AccessRule rule : AccessRules.RULES) {
                        ServerHttpSecurity.AuthorizeExchangeSpec.Access access = exchanges.matchers(matcher(rule));
                        if (rule.open()) {
                            access.permitAll();
                        } else {
                            access.hasAnyRole(rule.roleNames());
                        }
                    }
                    exchanges.anyExchange().denyAll();
                })
                .addFilterAt(new ApiKeyAuthenticationFilter(keys, signatures, problems, clock),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(CurrentCaller.exposingFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(rateLimits::filter, SecurityWebFiltersOrder.AUTHORIZATION)
                .addFilterAfter(idempotency::filter, SecurityWebFiltersOrder.AUTHORIZATION);
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtCallerConverter converter = new JwtCallerConverter(properties.jwt());
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    private static ServerWebExchangeMatcher matcher(AccessRule rule) {
        return exchange -> rule.matches(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().pathWithinApplication())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
