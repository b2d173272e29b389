package io.waybill.settlement.posting;

import static io.waybill.settlement.EventFacts.utc;
import static io.waybill.settlement.posting.PostingTables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderReleased;
import io.waybill.settlement.EventFacts;
import io.waybill.settlement.Projection;
import io.waybill.settlement.journal.FinancialEvents;
import io.waybill.settlement.journal.FinancialFact;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Turns events into postings for the ERP: the tender (tracking number), status changes worth
 * posting, proofs of delivery, and the financial facts {@link FinancialEvents} marks for the ERP.
 * A posting's id is derived from its event id and its place in the event, and its position is the
 * event's global index, so a rebuild yields the same postings in the same order. This projection
 * only writes rows; the dispatcher and the pull feed deliver them, so a replay sends nothing.
 * It must run in a single-segment streaming processor: then rows are inserted and committed in
 * position order, and a pull-feed reader never skips a posting committed late.
 */
@ProcessingGroup(ErpPostingProjection.PROCESSING_GROUP)
public class ErpPostingProjection {

    public static final String PROCESSING_GROUP = "erp-postings";

    /** Statuses the ERP books when a shipment reaches them; transit statuses are left out as noise. */
    static final Set<ShipmentStatus> POSTED_STATUSES = EnumSet.of(ShipmentStatus.PICKED_UP,
            ShipmentStatus.DELIVERY_ATTEMPT_FAILED, ShipmentStatus.AVAILABLE_FOR_PICKUP,
            ShipmentStatus.RETURN_INITIATED, ShipmentStatus.EXCEPTION, ShipmentStatus.DELIVERED,
            ShipmentStatus.RETURNED_TO_SENDER, ShipmentStatus.CANCELLED);

    /** Place of each kind of posting within its event, part of the posting id. */
    private static final int SHIPMENT_POSITION = 0;
    private static final int PROOF_POSITION = 1;
    private static final int FINANCIAL_POSITION = 2;

    private final DSLContext dsl;
    private final ObjectMapper json;

    public ErpPostingProjection(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @EventHandler
    void on(OrderReleased event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            TrackingToken token) {
        dsl.insertInto(ORDER)
                .set(O_ORDER_ID, event.orderId().value())
                .set(O_TENANT_ID, event.tenantId().value())
                .set(O_ERP_ORDER_NUMBER, event.erpOrderNumber())
                .onConflictDoNothing()
                .execute();
        postFinancialFact(event, eventId, recordedAt, token);
    }

    @EventHandler
    void on(ShipmentTendered event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            TrackingToken token) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("providerId", event.providerId().value());
        details.put("providerShipmentId", event.providerShipmentId());
        details.put("carrier", event.carrier());
        details.put("trackingNumber", event.trackingNumber());
        insert(new Posting(PostingType.SHIPMENT_TENDERED, event.tenantId(), event.orderId(),
                event.shipmentId().value(), null, event.occurredAt(), details), eventId, SHIPMENT_POSITION,
                recordedAt, token);
        postFinancialFact(event, eventId, recordedAt, token);
    }

    /**
     * Posts a change into a status the ERP books, and every failed attempt, because each may cost a
     * fee. Late and conflicting milestones change no status and are not posted; a proof of delivery
     * is posted with the delivery that brought it.
     */
    @EventHandler
    void on(MilestoneRecorded event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            TrackingToken token) {
        boolean statusChange = event.statusAfter() != event.statusBefore()
                && POSTED_STATUSES.contains(event.statusAfter());
        boolean failedAttempt = event.code() == MilestoneCode.DELIVERY_ATTEMPT_FAILED && !event.conflict();
        if (statusChange || failedAttempt) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", event.statusAfter().name());
            details.put("previousStatus", event.statusBefore().name());
            details.put("milestone", event.code().name());
            details.put("rawCode", event.rawCode());
            details.put("reason", event.reason() == null ? null : event.reason().name());
            details.put("attemptNumber", event.attemptNumber());
            details.put("failedAttempts", event.failedAttempts());
            details.put("sourceEventId", event.sourceEventId());
            insert(new Posting(PostingType.STATUS_CHANGE, event.tenantId(), event.orderId(),
                    event.shipmentId().value(), null, event.occurredAt(), details), eventId, SHIPMENT_POSITION,
                    recordedAt, token);
        }
        ProofOfDelivery proof = event.proofOfDelivery();
        if (proof != null && statusChange && event.statusAfter() == ShipmentStatus.DELIVERED) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("signer", proof.signer());
            details.put("photoReference", proof.photoReference());
            details.put("place", proof.place() == null ? null : proof.place().name());
            details.put("latitude", proof.point() == null ? null : proof.point().latitude());
            details.put("longitude", proof.point() == null ? null : proof.point().longitude());
            insert(new Posting(PostingType.PROOF_OF_DELIVERY, event.tenantId(), event.orderId(),
                    event.shipmentId().value(), null, event.occurredAt(), details), eventId, PROOF_POSITION,
                    recordedAt, token);
        }
        postFinancialFact(event, eventId, recordedAt, token);
    }

    /** Receives every event without a handler above; the financial facts marked for the ERP become postings. */
    @EventHandler
    void on(Object payload, @MessageIdentifier String eventId, @Timestamp Instant recordedAt, TrackingToken token) {
        postFinancialFact(payload, eventId, recordedAt, token);
    }

    /**
     * Posts the event's financial fact, if it has one marked for the ERP. Every handler calls this,
     * because Axon invokes only the most specific handler of a class for an event.
     */
    private void postFinancialFact(Object payload, String eventId, Instant recordedAt, TrackingToken token) {
        FinancialEvents.translate(payload)
                .filter(FinancialFact::postToErp)
                .ifPresent(fact -> insert(new Posting(fact.kind(), fact.tenantId(), fact.orderId(), fact.shipmentId(),
                        fact.amount(), fact.occurredAt(), new LinkedHashMap<>(fact.details())), eventId,
                        FINANCIAL_POSITION, recordedAt, token));
    }

    @ResetHandler
    void reset() {
        for (String table : Projection.ERP_POSTINGS.tables()) {
            dsl.truncate(table).execute();
        }
    }

    private record Posting(String type, TenantId tenantId, OrderId orderId, UUID shipmentId, Money amount,
                           Instant occurredAt, Map<String, Object> details) {
    }

    private void insert(Posting posting, String eventId, int positionInEvent, Instant recordedAt,
                        TrackingToken token) {
        UUID postingId = EventFacts.derivedId("posting:" + positionInEvent, eventId);
        String erpOrderNumber = dsl.select(O_ERP_ORDER_NUMBER).from(ORDER)
                .where(O_ORDER_ID.eq(posting.orderId().value()))
                .fetchOne(O_ERP_ORDER_NUMBER);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("postingId", postingId.toString());
        document.put("type", posting.type());
        document.put("tenantId", posting.tenantId().value());
        document.put("orderId", posting.orderId().toString());
        document.put("erpOrderNumber", erpOrderNumber);
        document.put("shipmentId", posting.shipmentId() == null ? null : posting.shipmentId().toString());
        document.put("amount", posting.amount() == null ? null : posting.amount().amount().toPlainString());
        document.put("currency", posting.amount() == null ? null : posting.amount().currency().getCurrencyCode());
        document.put("occurredAt", posting.occurredAt().toString());
        document.put("recordedAt", recordedAt.toString());
        document.put("details", posting.details());
        dsl.insertInto(POSTING)
                .set(POSTING_ID, postingId)
                .set(TENANT_ID, posting.tenantId().value())
                .set(ORDER_ID, posting.orderId().value())
                .set(ERP_ORDER_NUMBER, erpOrderNumber)
                .set(SHIPMENT_ID, posting.shipmentId())
                .set(POSTING_TYPE, posting.type())
                .set(EVENT_ID, eventId)
                .set(EVENT_POSITION, position(token))
                .set(POSITION_IN_EVENT, positionInEvent)
                .set(AMOUNT, posting.amount() == null ? null : posting.amount().amount())
                .set(CURRENCY, posting.amount() == null ? null : posting.amount().currency().getCurrencyCode())
                .set(OCCURRED_AT, utc(posting.occurredAt()))
                .set(RECORDED_AT, utc(recordedAt))
                .set(DOCUMENT, JSONB.valueOf(write(document)))
                .onConflictDoNothing()
                .execute();
    }

    private static long position(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("the " + PROCESSING_GROUP
                    + " projection needs a streaming processor whose tokens carry the event's global index");
        }
        return token.position().getAsLong();
    }

    private String write(Map<String, Object> document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("posting document could not be written as JSON", e);
        }
    }
}
