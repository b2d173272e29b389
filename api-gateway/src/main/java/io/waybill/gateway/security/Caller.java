package io.waybill.gateway.security;

import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: who it is, its tenant, its roles and, for the partner role, which
 * partner it speaks for.
 *
 * @param principal  stable name for audit metadata, {@code jwt:<subject>} or {@code api-key:<key id>}
 * @param clientId   name that rate limits and idempotency keys are scoped by: the partner id for partners,
 *                   otherwise the JWT subject or the API key's name
 * @param tenantId   the tenant whose data the caller works on; {@code null} only for a platform-wide
 *                   admin or monitoring caller
 * @param roles      what the caller may do; empty for a JWT that carries none of Waybill's roles
 * @param partnerId  set exactly when {@code roles} is {@code [partner]}
 * @param credential how the caller authenticated
 */
public record Caller(String principal, String clientId, TenantId tenantId, Set<Role> roles, PartnerId partnerId,
                     Credential credential) {

    /** Kind of credential a caller authenticated with. */
    public enum Credential { JWT, API_KEY }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(credential, "credential");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        requireConsistent(tenantId, roles, partnerId);
    }

    /**
     * Checks the rules every credential must follow: a tenant for any role that works on tenant data,
     * and the partner role alone and always with a partner id. A caller without roles is valid and
     * reaches no endpoint.
     *
     * @throws InvalidValueException naming the field that breaks a rule
     */
    public static void requireConsistent(TenantId tenantId, Set<Role> roles, PartnerId partnerId) {
        if (tenantId == null && roles.stream().anyMatch(Role::needsTenant)) {
            throw new InvalidValueException("tenant", null, "give the tenant; only admin and monitoring "
                    + "credentials may be platform-wide");
        }
        if (roles.contains(Role.PARTNER) && roles.size() > 1) {
            throw new InvalidValueException("roles", roles.toString(), "give a partner credential the partner role only");
        }
        if (roles.contains(Role.PARTNER) != (partnerId != null)) {
            throw new InvalidValueException("partnerId", partnerId == null ? null : partnerId.value(),
                    "give a partner id together with the partner role, and only with it");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True for an admin bound to no tenant, who may manage credentials of every tenant. */
    public boolean isPlatformAdmin() {
        return tenantId == null && has(Role.ADMIN);
    }
}
