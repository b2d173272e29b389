package io.waybill.gateway.security;

import io.waybill.gateway.idempotency.IdempotencyHandler;
import io.waybill.gateway.web.CommandSender;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Admin API for API keys: issue, list, rotate and revoke. The key text appears only in the response
 * that creates it, marked {@code Cache-Control: no-store} and never kept for idempotent replay. An
 * admin bound to a tenant manages that tenant's keys only; a platform-wide admin manages all.
 */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
class ApiKeyAdminController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAdminController.class);

    private final ApiKeyIssuer issuer;
    private final ApiKeyStore store;
    private final Clock clock;
    private final Duration defaultGrace;

    ApiKeyAdminController(ApiKeyIssuer issuer, ApiKeyStore store, Clock clock, WaybillSecurityProperties properties) {
        this.issuer = issuer;
        this.store = store;
        this.clock = clock;
        this.defaultGrace = properties.apiKeys().rotationGrace();
    }

    /**
     * @param tenant    the tenant the key works for; left out by a tenant admin, it is the admin's own
     * @param partnerId required with the partner role, which such a key has alone
     * @param expiresAt when the key stops working; left out, it works until revoked
     */
    record CreateKeyBody(String name, String tenant, String partnerId, List<String> roles, Instant expiresAt) {
    }

    /** @param gracePeriod how long the old key keeps working, as an ISO-8601 duration such as PT1H; 0 ends it now */
    record RotateKeyBody(Duration gracePeriod) {
    }

    record KeyView(String keyId, String name, String tenant, String partnerId, List<String> roles, String status,
                   Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy,
                   String rotatedFrom) {
    }

    /**
     * A new key: {@code apiKey} is the text to send and is shown only in this response. The string
     * form leaves the key text out, because Spring's JSON encoder logs it at debug level.
     */
    record IssuedKey(String apiKey, KeyView key) {
        @Override
        public String toString() {
            return "IssuedKey[keyId=" + key.keyId() + "]";
        }
    }

    record KeyList(List<KeyView> keys) {
    }

    @PostMapping
    Mono<ResponseEntity<IssuedKey>> create(@RequestBody CreateKeyBody body, ServerWebExchange exchange) {
        Caller admin = admin(exchange);
        if (body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new InvalidValueException("name", body.name(), "give a name of 1 to 100 characters, such as "
                    + "'dhl-webhooks'");
        }
        Set<Role> roles = roles(body.roles());
        TenantId tenant = tenant(admin, body.tenant());
        PartnerId partner = body.partnerId() == null ? null : PartnerId.of(body.partnerId());
        if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) {
            throw new InvalidValueException("expiresAt", body.expiresAt().toString(), "give a time in the future");
        }
        ApiKeyIssuer.Issued issued = issuer.issue(body.name().trim(), tenant, partner, roles, body.expiresAt(),
                admin.principal(), null);
        return CommandSender.blocking(() -> {
            store.insert(issued.stored());
            log.info("{} issued API key {} ({}) for tenant {} with roles {}", admin.principal(),
                    issued.stored().keyId(), issued.stored().name(), tenant, ApiKeyStore.rolesText(roles));
            return created(exchange, issued);
        });
    }

    @GetMapping
    Mono<KeyList> list(ServerWebExchange exchange) {
        Caller admin = admin(exchange);
        Instant now = clock.instant();
        return CommandSender.blocking(() -> new KeyList(store.list(admin.tenantId()).stream()
                .map(key -> view(key, now)).toList()));
    }

    @GetMapping("/{keyId}")
    Mono<KeyView> get(@PathVariable String keyId, ServerWebExchange exchange) {
        Caller admin = admin(exchange);
        return CommandSender.blocking(() -> view(visible(admin, keyId), clock.instant()));
    }

    @PostMapping("/{keyId}/rotate")
    Mono<ResponseEntity<IssuedKey>> rotate(@PathVariable String keyId,
                                           @RequestBody(required = false) RotateKeyBody body,
                                           ServerWebExchange exchange) {
        Caller admin = admin(exchange);
        Duration grace = body == null || body.gracePeriod() == null ? defaultGrace : body.gracePeriod();
        if (grace.isNegative()) {
            throw new InvalidValueException("gracePeriod", grace.toString(), "give zero or a positive duration such "
                    + "as PT1H");
        }
        return CommandSender.blocking(() -> {
            ApiKeyStore.StoredKey old = visible(admin, keyId);
            String status = old.status(clock.instant());
            if (!status.equals("active")) {
                throw new ConflictException("API key " + keyId + " is " + status, "keyId", keyId,
                        "issue a new key instead of rotating one that no longer works");
            }
            ApiKeyIssuer.Issued issued = issuer.issue(old.name(), old.tenantId(), old.partnerId(), old.roles(),
                    old.expiresAt(), admin.principal(), old.keyId());
            Instant oldEnds = clock.instant().plus(grace);
            Optional<String> earlier = store.rotate(issued.stored(), oldEnds);
            if (earlier.isPresent()) {
                throw new ConflictException("API key " + keyId + " was already rotated to " + earlier.get(), "keyId",
                        keyId, "rotate " + earlier.get() + ", the key that replaced it");
            }
            store.forget(keyId);
            log.info("{} rotated API key {} to {}; the old key works until {}", admin.principal(), keyId,
                    issued.stored().keyId(), oldEnds);
            return created(exchange, issued);
        });
    }

    @PostMapping("/{keyId}/revoke")
    Mono<KeyView> revoke(@PathVariable String keyId, ServerWebExchange exchange) {
        Caller admin = admin(exchange);
        return CommandSender.blocking(() -> {
            visible(admin, keyId);
            if (store.revoke(keyId, clock.instant(), admin.principal())) {
                log.info("{} revoked API key {}", admin.principal(), keyId);
            }
            return view(visible(admin, keyId), clock.instant());
        });
    }

    private ResponseEntity<IssuedKey> created(ServerWebExchange exchange, ApiKeyIssuer.Issued issued) {
        exchange.getAttributes().put(IdempotencyHandler.DO_NOT_STORE, Boolean.TRUE);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/admin/api-keys/" + issued.stored().keyId()))
                .cacheControl(CacheControl.noStore())
                .body(new IssuedKey(issued.text(), view(issued.stored(), clock.instant())));
    }

    /** Returns the key if this admin may manage it; another tenant's key is reported as not found. */
    private ApiKeyStore.StoredKey visible(Caller admin, String keyId) {
        return store.find(keyId)
                .filter(key -> admin.isPlatformAdmin() || admin.tenantId().equals(key.tenantId()))
                .orElseThrow(() -> new NotFoundException("keyId", keyId));
    }

    private static Caller admin(ServerWebExchange exchange) {
        return CurrentCaller.of(exchange).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private static TenantId tenant(Caller admin, String requested) {
        if (admin.isPlatformAdmin()) {
            return requested == null ? null : TenantId.of(requested);
        }
        if (requested != null && !requested.equals(admin.tenantId().value())) {
            throw new InvalidValueException("tenant", requested, "leave tenant out or give your own tenant "
                    + admin.tenantId() + "; only a platform-wide admin issues keys for other tenants");
        }
        return admin.tenantId();
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidValueException("roles", null, "give at least one of process, partner, finance, "
                    + "auditor, admin, monitoring");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.fromClaim(name).orElseThrow(() -> new InvalidValueException("roles", name,
                    "use process, partner, finance, auditor, admin or monitoring")));
        }
        return roles;
    }

    private static KeyView view(ApiKeyStore.StoredKey key, Instant now) {
        return new KeyView(key.keyId(), key.name(), key.tenantId() == null ? null : key.tenantId().value(),
                key.partnerId() == null ? null : key.partnerId().value(),
                key.roles().stream().map(Role::claimValue).sorted().toList(), key.status(now), key.createdAt(),
                key.createdBy(), key.expiresAt(), key.revokedAt(), key.revokedBy(), key.rotatedFrom());
    }
}
