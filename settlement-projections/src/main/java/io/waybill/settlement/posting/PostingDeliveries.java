package io.waybill.settlement.posting;

import static io.waybill.settlement.EventFacts.instant;
import static io.waybill.settlement.EventFacts.utc;
import static io.waybill.settlement.posting.PostingTables.*;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Delivery state of postings, kept in {@code erp_posting_delivery}, which a projection rebuild
 * leaves alone. Once a posting is POSTED nothing here changes it again, whichever channel (push
 * dispatcher or pull-feed acknowledgement) got there first.
 */
public class PostingDeliveries {

    /** Channel through which the ERP received a posting. */
    public enum Channel {
        PUSH,
        PULL
    }

    /** A posting not yet accepted by the ERP, with what the dispatcher needs to send it. */
    public record Candidate(UUID postingId, String tenantId, UUID orderId, long position, int positionInEvent,
                            DeliveryState state, int attempts, int failures, Instant nextAttemptAt,
                            String document) {
    }

    private final DSLContext dsl;

    public PostingDeliveries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returns undelivered postings of every tenant, in position order, so each order's postings stay in order. */
    public List<Candidate> undelivered(int limit) {
        return dsl.select().from(POSTING).leftJoin(DELIVERY).on(D_POSTING_ID.eq(POSTING_ID))
                .where(D_STATE.isNull().or(D_STATE.ne(DeliveryState.POSTED.name())))
                .orderBy(EVENT_POSITION, POSITION_IN_EVENT)
                .limit(limit)
                .fetch(PostingDeliveries::toCandidate);
    }

    /** Counts the postings of every tenant in the given state; PENDING includes postings never tried. */
    public long count(DeliveryState state) {
        var condition = state == DeliveryState.PENDING
                ? D_STATE.isNull().or(D_STATE.eq(state.name()))
                : D_STATE.eq(state.name());
        return dsl.selectCount().from(POSTING).leftJoin(DELIVERY).on(D_POSTING_ID.eq(POSTING_ID))
                .where(condition)
                .fetchOne(0, Long.class);
    }

    /**
     * Records the ERP's acknowledgement from the pull feed. Acknowledging again with the same
     * document number changes nothing and returns false; another document number is a conflict.
     */
    public boolean acknowledge(TenantId tenantId, UUID postingId, String documentNumber, Instant now) {
        if (documentNumber == null || documentNumber.isBlank() || documentNumber.length() > 200) {
            throw new InvalidValueException("erpDocumentNumber", documentNumber,
                    "give the ERP's document number for the posting, 1 to 200 characters");
        }
        boolean exists = dsl.fetchExists(POSTING, POSTING_ID.eq(postingId), TENANT_ID.eq(tenantId.value()));
        if (!exists) {
            throw new NotFoundException("postingId", postingId.toString());
        }
        Record current = dsl.select().from(DELIVERY).where(D_POSTING_ID.eq(postingId)).forUpdate().fetchOne();
        if (current != null && DeliveryState.POSTED.name().equals(current.get(D_STATE))) {
            if (documentNumber.equals(current.get(D_DOCUMENT_NUMBER))) {
                return false;
            }
            throw new ConflictException("posting " + postingId + " was already posted as ERP document "
                    + current.get(D_DOCUMENT_NUMBER), "erpDocumentNumber", documentNumber,
                    "acknowledge a posting once; the ERP document number cannot change");
        }
        upsertPosted(postingId, tenantId.value(), now, documentNumber, null, Channel.PULL, false);
        return true;
    }

    /** Records that the dispatcher's request was accepted; counts the request as an attempt. */
    public void markPosted(Candidate candidate, Instant now, String documentNumber, int httpStatus) {
        upsertPosted(candidate.postingId(), candidate.tenantId(), now, documentNumber, httpStatus, Channel.PUSH, true);
    }

    /**
     * Records a failed request and holds the posting until {@code retryAt}. A failure that counts
     * ({@code countsAsFailure}) moves the posting to FAILED once it reached {@code maxFailures}
     * consecutive failures; a permanent rejection does so at once. Returns the new state.
     */
    public DeliveryState markAttemptFailed(Candidate candidate, Instant now, Instant retryAt, Integer httpStatus,
                                           String error, boolean countsAsFailure, boolean permanent,
                                           int maxFailures) {
        int failures = candidate.failures() + (countsAsFailure || permanent ? 1 : 0);
        DeliveryState state = permanent || failures >= maxFailures ? DeliveryState.FAILED : DeliveryState.DEFERRED;
        dsl.insertInto(DELIVERY)
                .set(D_POSTING_ID, candidate.postingId())
                .set(D_TENANT_ID, candidate.tenantId())
                .set(D_STATE, state.name())
                .set(D_ATTEMPTS, candidate.attempts() + 1)
                .set(D_FAILURES, failures)
                .set(D_NEXT_ATTEMPT_AT, state == DeliveryState.FAILED ? null : utc(retryAt))
                .set(D_LAST_ATTEMPT_AT, utc(now))
                .set(D_LAST_HTTP_STATUS, httpStatus)
                .set(D_LAST_ERROR, truncate(error))
                .set(D_UPDATED_AT, utc(now))
                .onConflict(D_POSTING_ID).doUpdate()
                .set(D_STATE, state.name())
                .set(D_ATTEMPTS, candidate.attempts() + 1)
                .set(D_FAILURES, failures)
                .set(D_NEXT_ATTEMPT_AT, state == DeliveryState.FAILED ? null : utc(retryAt))
                .set(D_LAST_ATTEMPT_AT, utc(now))
                .set(D_LAST_HTTP_STATUS, httpStatus)
                .set(D_LAST_ERROR, truncate(error))
                .set(D_UPDATED_AT, utc(now))
                .where(D_STATE.ne(DeliveryState.POSTED.name()))
                .execute();
        return state;
    }

    /** Holds a posting without trying it, for example during an ERP maintenance window. */
    public void defer(Candidate candidate, Instant now, Instant until, String reason) {
        dsl.insertInto(DELIVERY)
                .set(D_POSTING_ID, candidate.postingId())
                .set(D_TENANT_ID, candidate.tenantId())
                .set(D_STATE, DeliveryState.DEFERRED.name())
                .set(D_NEXT_ATTEMPT_AT, utc(until))
                .set(D_LAST_ERROR, truncate(reason))
                .set(D_UPDATED_AT, utc(now))
                .onConflict(D_POSTING_ID).doUpdate()
                .set(D_STATE, DeliveryState.DEFERRED.name())
                .set(D_NEXT_ATTEMPT_AT, utc(until))
                .set(D_LAST_ERROR, truncate(reason))
                .set(D_UPDATED_AT, utc(now))
                .where(D_STATE.in(DeliveryState.PENDING.name(), DeliveryState.DEFERRED.name()))
                .execute();
    }

    /** Moves a dead letter back to PENDING with its failure count cleared; other states are a conflict. */
    public void retry(TenantId tenantId, UUID postingId, Instant now) {
        Record current = dsl.select().from(POSTING).leftJoin(DELIVERY).on(D_POSTING_ID.eq(POSTING_ID))
                .where(POSTING_ID.eq(postingId), TENANT_ID.eq(tenantId.value()))
                .fetchOne();
        if (current == null) {
            throw new NotFoundException("postingId", postingId.toString());
        }
        String state = current.get(D_STATE) == null ? DeliveryState.PENDING.name() : current.get(D_STATE);
        if (!DeliveryState.FAILED.name().equals(state)) {
            throw new ConflictException("posting " + postingId + " is " + state + ", not a dead letter", "postingId",
                    postingId.toString(), "retry only postings listed as dead letters (state FAILED)");
        }
        dsl.update(DELIVERY)
                .set(D_STATE, DeliveryState.PENDING.name())
                .set(D_FAILURES, 0)
                .set(D_NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(D_UPDATED_AT, utc(now))
                .where(D_POSTING_ID.eq(postingId), D_STATE.eq(DeliveryState.FAILED.name()))
                .execute();
    }

    private void upsertPosted(UUID postingId, String tenantId, Instant now, String documentNumber, Integer httpStatus,
                              Channel channel, boolean attempt) {
        dsl.insertInto(DELIVERY)
                .set(D_POSTING_ID, postingId)
                .set(D_TENANT_ID, tenantId)
                .set(D_STATE, DeliveryState.POSTED.name())
                .set(D_ATTEMPTS, attempt ? 1 : 0)
                .set(D_FAILURES, 0)
                .set(D_LAST_ATTEMPT_AT, attempt ? utc(now) : null)
                .set(D_LAST_HTTP_STATUS, httpStatus)
                .set(D_DELIVERED_AT, utc(now))
                .set(D_CHANNEL, channel.name())
                .set(D_DOCUMENT_NUMBER, documentNumber)
                .set(D_UPDATED_AT, utc(now))
                .onConflict(D_POSTING_ID).doUpdate()
                .set(D_STATE, DeliveryState.POSTED.name())
                .set(D_ATTEMPTS, attempt ? D_ATTEMPTS.plus(1) : D_ATTEMPTS)
                .set(D_FAILURES, 0)
                .set(D_NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(D_LAST_ERROR, (String) null)
                .set(D_LAST_HTTP_STATUS, httpStatus)
                .set(D_DELIVERED_AT, utc(now))
                .set(D_CHANNEL, channel.name())
                .set(D_DOCUMENT_NUMBER, documentNumber)
                .set(D_UPDATED_AT, utc(now))
                .where(D_STATE.ne(DeliveryState.POSTED.name()))
                .execute();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Candidate toCandidate(Record record) {
        String state = record.get(D_STATE);
        Integer attempts = record.get(D_ATTEMPTS);
        Integer failures = record.get(D_FAILURES);
        return new Candidate(record.get(POSTING_ID), record.get(TENANT_ID), record.get(ORDER_ID),
                record.get(EVENT_POSITION), record.get(POSITION_IN_EVENT),
                state == null ? DeliveryState.PENDING : DeliveryState.valueOf(state),
                attempts == null ? 0 : attempts, failures == null ? 0 : failures,
                instant(record.get(D_NEXT_ATTEMPT_AT)), record.get(DOCUMENT).data());
    }
}
