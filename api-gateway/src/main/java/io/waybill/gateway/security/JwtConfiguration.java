package io.waybill.gateway.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The JWT decoder, present only when an issuer or a JWK set is configured. Without one the service
 * accepts API keys alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${waybill.security.jwt.issuer-uri:}'.isBlank() or !'${waybill.security.jwt.jwk-set-uri:}'.isBlank()")
class JwtConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(WaybillSecurityProperties properties) {
        WaybillSecurityProperties.Jwt jwt = properties.jwt();
        NimbusReactiveJwtDecoder decoder = jwt.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(jwt.issuerUri().isBlank()
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
        List<String> accepted = jwt.audiences().stream().filter(audience -> !audience.isBlank()).toList();
        if (!accepted.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.stream().anyMatch(accepted::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
