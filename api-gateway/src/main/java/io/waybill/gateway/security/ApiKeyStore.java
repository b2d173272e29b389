package io.waybill.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code api_key} table. Every method except {@link #cached} blocks on JDBC; call it off the
 * event loop. Keys read for authentication are kept for {@code waybill.security.api-keys.cache-ttl},
 * so a busy client does not cost a query per request; revoking or rotating a key on this node drops
 * it from the cache once the change is committed.
 */
@Component
class ApiKeyStore {

    private static final String COLUMNS = """
            key_id, name, tenant_id, partner_id, roles, secret_sha256, created_at, created_by, expires_at,
            revoked_at, revoked_by, rotated_from""";

    /** Arbitrary advisory lock id reserved for creating the first admin key. */
    private static final long FIRST_ADMIN_KEY_LOCK = 0x57_41_59_42_4b_45_59L;

    /** Maximum number of keys in the cache. */
    private static final int CACHE_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final Cache<String, StoredKey> recent;
    /** Counts {@link #forget} calls, so that a read that raced with one does not stay in the cache. */
    private final AtomicLong forgets = new AtomicLong();

    ApiKeyStore(JdbcTemplate jdbc, WaybillSecurityProperties properties) {
        this.jdbc = jdbc;
        this.recent = Caffeine.newBuilder()
                .maximumSize(properties.apiKeys().cacheTtl().isZero() ? 0 : CACHE_SIZE)
                .expireAfterWrite(properties.apiKeys().cacheTtl())
                .build();
    }

    /** A stored key; {@code secretDigest} is the SHA-256 of the secret, never the secret itself. */
    record StoredKey(String keyId, String name, TenantId tenantId, PartnerId partnerId, Set<Role> roles,
                     byte[] secretDigest, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
                     String revokedBy, String rotatedFrom) {

        String status(Instant now) {
            if (revokedAt != null) {
                return "revoked";
            }
            return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }

        @Override
        public String toString() {
            return "StoredKey[keyId=" + keyId + ", name=" + name + ", tenantId=" + tenantId + ", roles=" + roles + "]";
        }
    }

    void insert(StoredKey key) {
        jdbc.update("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.keyId(), key.name(), key.tenantId() == null ? null : key.tenantId().value(),
                key.partnerId() == null ? null : key.partnerId().value(), rolesText(key.roles()), key.secretDigest(),
                Timestamp.from(key.createdAt()), key.createdBy(), timestamp(key.expiresAt()),
                timestamp(key.revokedAt()), key.revokedBy(), key.rotatedFrom());
    }

    Optional<StoredKey> find(String keyId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ?", MAPPER, keyId).stream().findFirst();
    }

    /** Returns the key if this node read it within the cache time, without querying the database. */
    Optional<StoredKey> cached(String keyId) {
        return Optional.ofNullable(recent.getIfPresent(keyId));
    }

    /** Reads the key from the database and keeps it for the cache time. Unknown key ids are not kept. */
    Optional<StoredKey> findForAuthentication(String keyId) {
        long forgetsBefore = forgets.get();
        Optional<StoredKey> key = find(keyId);
        if (key.isPresent()) {
            recent.put(keyId, key.get());
            // If a revocation committed after the read above, drop the stale copy.
            if (forgets.get() != forgetsBefore) {
                recent.invalidate(keyId);
            }
        }
        return key;
    }

    /** Lists keys newest first; with a tenant only that tenant's keys, otherwise all of them. */
    List<StoredKey> list(TenantId tenantId) {
        if (tenantId == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, key_id", MAPPER);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key WHERE tenant_id = ? ORDER BY created_at DESC, key_id",
                MAPPER, tenantId.value());
    }

    /** Marks the key revoked unless it already was; returns whether this call revoked it. */
    boolean revoke(String keyId, Instant at, String by) {
        boolean revoked = jdbc.update(
                "UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(at), by, keyId) == 1;
        forget(keyId);
        return revoked;
    }

    /** Drops the key from this node's cache, so that the next request reads it again. */
    void forget(String keyId) {
        forgets.incrementAndGet();
        recent.invalidate(keyId);
    }

    /**
     * Stores the replacement and shortens the old key's life to {@code oldExpiresAt}, in one
     * transaction, so a rotation never leaves two keys without an end or no key at all. Returns the
     * id of an earlier replacement instead, and stores nothing, when the old key was rotated before:
     * during its grace period it is still active, but its successor is the key to rotate. The old
     * key's row stays locked until the end of the transaction, so two rotations at once cannot both
     * pass this check.
     */
    @Transactional
    Optional<String> rotate(StoredKey replacement, Instant oldExpiresAt) {
        jdbc.query("SELECT key_id FROM api_key WHERE key_id = ? FOR UPDATE", rs -> null, replacement.rotatedFrom());
        List<String> successors = jdbc.queryForList("SELECT key_id FROM api_key WHERE rotated_from = ?",
                String.class, replacement.rotatedFrom());
        if (!successors.isEmpty()) {
            return Optional.of(successors.get(0));
        }
        jdbc.update("""
                UPDATE api_key SET expires_at = CASE WHEN expires_at IS NULL OR expires_at > ? THEN ? ELSE expires_at END
                WHERE key_id = ?""", Timestamp.from(oldExpiresAt), Timestamp.from(oldExpiresAt),
                replacement.rotatedFrom());
        insert(replacement);
        return Optional.empty();
    }

    /**
     * Stores the key unless an admin key was ever created before, even one revoked since. A
     * transaction-scoped advisory lock makes two nodes starting together create one key, not two.
     */
    @Transactional
    boolean insertFirstAdminKey(StoredKey key) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, FIRST_ADMIN_KEY_LOCK);
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM api_key WHERE ',' || roles || ',' LIKE '%,admin,%')", Boolean.class);
        if (Boolean.TRUE.equals(exists)) {
            return false;
        }
        insert(key);
        return true;
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        return roles;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<StoredKey> MAPPER = (rs, row) -> new StoredKey(
            rs.getString("key_id"), rs.getString("name"),
            rs.getString("tenant_id") == null ? null : new TenantId(rs.getString("tenant_id")),
            rs.getString("partner_id") == null ? null : new PartnerId(rs.getString("partner_id")),
            roles(rs.getString("roles")), rs.getBytes("secret_sha256"), instant(rs, "created_at"),
            rs.getString("created_by"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
            rs.getString("revoked_by"), rs.getString("rotated_from"));
}
