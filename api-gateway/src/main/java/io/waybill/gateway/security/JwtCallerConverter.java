package io.waybill.gateway.security;

import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Turns a validated JWT into a {@link Caller}: roles, tenant and partner come from the claims named
 * in {@link WaybillSecurityProperties.Jwt}. Role names Waybill does not know are ignored. A token
 * whose claims contradict each other (a process role without a tenant, for example) is rejected as
 * an invalid token.
 */
final class JwtCallerConverter implements Converter<Jwt, Mono<CallerAuthentication>> {

    private final WaybillSecurityProperties.Jwt claims;

    JwtCallerConverter(WaybillSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public Mono<CallerAuthentication> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new CallerAuthentication(toCaller(jwt)));
    }

    Caller toCaller(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new BadJwtException("the token has no sub claim");
        }
        Set<Role> roles = roles(jwt.getClaim(claims.rolesClaim()));
        try {
            String tenant = jwt.getClaimAsString(claims.tenantClaim());
            TenantId tenantId = tenant == null ? null : new TenantId(tenant);
            String partner = jwt.getClaimAsString(claims.partnerClaim());
            PartnerId partnerId = partner == null || !roles.contains(Role.PARTNER) ? null : new PartnerId(partner);
            Caller.requireConsistent(tenantId, roles, partnerId);
            String clientId = partnerId != null ? partnerId.value() : subject;
            return new Caller("jwt:" + subject, clientId, tenantId, roles, partnerId, Caller.Credential.JWT);
        } catch (InvalidValueException e) {
            throw new BadJwtException("the token's claims are inconsistent: " + e.getMessage());
        }
    }

    private static Set<Role> roles(Object claim) {
        List<String> names;
        if (claim instanceof Collection<?> values) {
            names = values.stream().map(String::valueOf).toList();
        } else if (claim instanceof String text) {
            names = List.of(text.split("[\\s,]+"));
        } else {
            names = List.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        return roles;
    }
}
