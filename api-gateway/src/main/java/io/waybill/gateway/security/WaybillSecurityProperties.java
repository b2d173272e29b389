package io.waybill.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings.
 *
 * @param bootstrapAdminKey when to create and print an admin API key at start-up if none was ever created
 * @param jwt               where JWTs come from and which claims carry tenant, roles and partner
 * @param apiKeys           API key lifecycle
 * @param signatures        webhook signature checks
 */
@ConfigurationProperties("waybill.security")
public record WaybillSecurityProperties(@DefaultValue("embedded") BootstrapMode bootstrapAdminKey,
                                        @DefaultValue Jwt jwt,
                                        @DefaultValue ApiKeys apiKeys,
                                        @DefaultValue Signatures signatures) {

    /** When the first admin API key is created. */
    public enum BootstrapMode {
        /** Only when the service runs its embedded PostgreSQL, that is when no database URL is set. */
        EMBEDDED,
        ALWAYS,
        NEVER
    }

    /**
     * JWT resource server settings. JWT authentication is on when {@code jwkSetUri} or {@code issuerUri}
     * is set; with both, keys come from the JWK set and the issuer is still checked.
     *
     * @param issuerUri    expected {@code iss}; without a JWK set URI its OpenID discovery document is read
     * @param jwkSetUri    URL of the issuer's JWK set
     * @param audiences    accepted {@code aud} values; empty accepts any audience
     * @param tenantClaim  claim holding the tenant id
     * @param rolesClaim   claim holding the roles, as a JSON array or a space- or comma-separated string
     * @param partnerClaim claim holding the partner id of a partner caller
     */
    public record Jwt(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
                      @DefaultValue List<String> audiences, @DefaultValue("tenant") String tenantClaim,
                      @DefaultValue("roles") String rolesClaim, @DefaultValue("partner") String partnerClaim) {

        public boolean enabled() {
            return !issuerUri.isBlank() || !jwkSetUri.isBlank();
        }
    }

    /**
     * @param rotationGrace how long a rotated key keeps working unless the rotation request gives another time
     * @param cacheTtl      how long a node reuses a key it read from the database before reading it again.
     *                      A revocation or rotation made on another node takes effect here within this
     *                      time. Zero reads the key on every request.
     */
    public record ApiKeys(@DefaultValue("1h") Duration rotationGrace, @DefaultValue("5s") Duration cacheTtl) {

        public ApiKeys {
            if (cacheTtl.isNegative()) {
                throw new IllegalArgumentException("waybill.security.api-keys.cache-ttl is " + cacheTtl
                        + "; give zero (no cache) or a positive duration such as 5s");
            }
        }
    }

    /**
     * @param tolerance largest difference between a signature's timestamp and the ledger's clock, either way.
     *                  A repeat of a signature inside this window is rejected as a replay.
     */
    public record Signatures(@DefaultValue("5m") Duration tolerance) {
    }
}
