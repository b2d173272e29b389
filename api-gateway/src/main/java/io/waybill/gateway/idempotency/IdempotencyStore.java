package io.waybill.gateway.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code idempotency_record} table. Every method blocks on JDBC; call it off the event loop. */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A response stored for replay. */
    record StoredResponse(int status, String contentType, String location, byte[] body) {
    }

    /** Outcome of claiming a key: run the request, replay a stored response, or reject the request. */
    sealed interface Claim {
        record Granted() implements Claim {
        }

        record Replay(StoredResponse response) implements Claim {
        }

        record Mismatch() implements Claim {
        }

        record InProgress() implements Claim {
        }
    }

    private record Row(byte[] requestHash, String state, Instant createdAt, Instant expiresAt,
                       StoredResponse response) {
    }

    /**
     * Claims the key for a request with this fingerprint. The insert is atomic, so of two
     * concurrent first requests exactly one is granted the key.
     */
    Claim claim(String scope, String key, byte[] requestHash, Instant now, Instant expiresAt,
                Instant staleBefore) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (insert(scope, key, requestHash, now, expiresAt)) {
                return new Claim.Granted();
            }
            Row row = find(scope, key);
            if (row == null) {
                continue;
            }
            if (!row.expiresAt().isAfter(now)) {
                jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND expires_at <= ?",
                        scope, key, Timestamp.from(now));
                continue;
            }
            if (!Arrays.equals(row.requestHash(), requestHash)) {
                return new Claim.Mismatch();
            }
            if (row.state().equals("COMPLETED")) {
                return new Claim.Replay(row.response());
            }
            if (row.createdAt().isBefore(staleBefore) && takeOver(scope, key, row.createdAt(), now)) {
                return new Claim.Granted();
            }
            return new Claim.InProgress();
        }
        return new Claim.InProgress();
    }

    void complete(String scope, String key, StoredResponse response) {
        jdbc.update("""
                UPDATE idempotency_record SET state = 'COMPLETED', status_code = ?, content_type = ?, location = ?,
                       body = ?
                WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'""",
                response.status(), response.contentType(), response.location(), response.body(), scope, key);
    }

    /** Frees the key of a request whose response is not kept, so that a retry runs again. */
    void release(String scope, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'",
                scope, key);
    }

    int purgeExpired(Instant now) {
        return jdbc.update("DELETE FROM idempotency_record WHERE expires_at <= ?", Timestamp.from(now));
    }

    private boolean insert(String scope, String key, byte[] requestHash, Instant now, Instant expiresAt) {
        return jdbc.update("""
                INSERT INTO idempotency_record (scope, idempotency_key, request_sha256, state, created_at, expires_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?) ON CONFLICT (scope, idempotency_key) DO NOTHING""",
                scope, key, requestHash, Timestamp.from(now), Timestamp.from(expiresAt)) == 1;
    }

    private boolean takeOver(String scope, String key, Instant createdAt, Instant now) {
        return jdbc.update("""
                UPDATE idempotency_record SET created_at = ?
                WHERE scope = ? AND idempotency_key = ? AND state = 'IN_PROGRESS' AND created_at = ?""",
                Timestamp.from(now), scope, key, Timestamp.from(createdAt)) == 1;
    }

    private Row find(String scope, String key) {
        List<Row> rows = jdbc.query("""
                SELECT request_sha256, state, created_at, expires_at, status_code, content_type, location, body
                FROM idempotency_record WHERE scope = ? AND idempotency_key = ?""",
                (rs, index) -> new Row(rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        new StoredResponse(rs.getInt(5), rs.getString(6), rs.getString(7), rs.getBytes(8))),
                scope, key);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
