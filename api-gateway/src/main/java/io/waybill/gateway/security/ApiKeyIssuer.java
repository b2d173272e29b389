package io.waybill.gateway.security;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Generates new API keys; the caller decides how to store them. */
@Component
class ApiKeyIssuer {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ApiKeyIssuer(Clock clock) {
        this.clock = clock;
    }

    /** A generated key: the text to hand out once, and the row to store. */
    record Issued(String text, ApiKeyStore.StoredKey stored) {
        @Override
        public String toString() {
            return "Issued[keyId=" + stored.keyId() + "]";
        }
    }

    Issued issue(String name, TenantId tenantId, PartnerId partnerId, Set<Role> roles, Instant expiresAt,
                 String createdBy, String rotatedFrom) {
        Caller.requireConsistent(tenantId, roles, partnerId);
        ApiKeyFormat.Generated generated = ApiKeyFormat.generate(random);
        ApiKeyStore.StoredKey stored = new ApiKeyStore.StoredKey(generated.keyId(), name, tenantId, partnerId, roles,
                generated.secretDigest(), clock.instant(), createdBy, expiresAt, null, null, rotatedFrom);
        return new Issued(generated.text(), stored);
    }
}
