package io.waybill.gateway.platform;

import io.waybill.shipment.api.platform.PlatformFailure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every request sent to a delivery platform, keyed by request id, with its outcome once known.
 * Rows are written in transactions of their own, so an outcome stays stored even when recording it
 * on the shipment fails and the event is handled again; a request whose outcome is stored is never
 * sent again.
 */
@Component
class PlatformRequestLog {

    /** Result of one request; {@code failure} is null when the platform accepted it. */
    record Outcome(PlatformFailure failure, String platformReference, String trackingNumber, String carrier,
                   String code, String reason) {

        static Outcome accepted(String platformReference, String trackingNumber, String carrier) {
            return new Outcome(null, platformReference, trackingNumber, carrier, null, null);
        }

        static Outcome failed(PlatformFailure failure, String code, String reason) {
            return new Outcome(failure, null, null, null, code, reason);
        }

        boolean isAccepted() {
            return failure == null;
        }
    }

    /** Identity of one request as the log stores it. */
    record Entry(String requestId, String tenantId, UUID shipmentId, String platformId, String operation) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    PlatformRequestLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Outcome> outcome(String requestId) {
        return jdbc.query("""
                        SELECT outcome, platform_reference, tracking_number, carrier, code, reason
                        FROM platform_request WHERE request_id = ? AND outcome IS NOT NULL""",
                (rs, row) -> {
                    String outcome = rs.getString("outcome");
                    PlatformFailure failure = "ACCEPTED".equals(outcome) ? null : PlatformFailure.valueOf(outcome);
                    return new Outcome(failure, rs.getString("platform_reference"), rs.getString("tracking_number"),
                            rs.getString("carrier"), rs.getString("code"), rs.getString("reason"));
                }, requestId).stream().findFirst();
    }

    /** Returns the platform's reference for what an earlier request created, when it responded. */
    Optional<String> platformReference(String requestId) {
        return jdbc.query("SELECT platform_reference FROM platform_request WHERE request_id = ?",
                (rs, row) -> rs.getString(1), requestId).stream().filter(Objects::nonNull).findFirst();
    }

    void start(Entry entry, Instant sentAt) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO platform_request (request_id, tenant_id, shipment_id, platform_id, operation, sent_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING""",
                entry.requestId(), entry.tenantId(), entry.shipmentId(), entry.platformId(), entry.operation(),
                Timestamp.from(sentAt)));
    }

    void finish(String requestId, Outcome outcome, Instant answeredAt) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                UPDATE platform_request SET outcome = ?, platform_reference = ?, tracking_number = ?, carrier = ?,
                       code = ?, reason = ?, answered_at = ?
                WHERE request_id = ?""",
                outcome.isAccepted() ? "ACCEPTED" : outcome.failure().name(), outcome.platformReference(),
                outcome.trackingNumber(), outcome.carrier(), outcome.code(), outcome.reason(),
                Timestamp.from(answeredAt), requestId));
    }
}
