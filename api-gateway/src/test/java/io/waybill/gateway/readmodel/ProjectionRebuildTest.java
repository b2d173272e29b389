package io.waybill.gateway.readmodel;

import static io.waybill.gateway.support.ReadModels.awaitCaughtUp;
import static io.waybill.gateway.support.ReadModels.checksums;
import static io.waybill.gateway.support.ReadModels.get;
import static io.waybill.gateway.support.ReadModels.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.gateway.support.Requests;
import io.waybill.settlement.journal.JournalProjection;
import io.waybill.settlement.kpi.KpiProjection;
import io.waybill.settlement.posting.ErpPostingProjection;
import io.waybill.settlement.reconciliation.ReconciliationProjection;
import io.waybill.settlement.replay.ProjectionAdmin;
import io.waybill.settlement.visibility.ShipmentVisibilityProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rebuilds of the read models from the event store, compared row for row with the live run. */
class ProjectionRebuildTest extends LedgerIntegrationTest {

    @Autowired
    ProjectionAdmin projections;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventStore eventStore;

    @Autowired
    ShipmentVisibilityProjection visibility;

    @Autowired
    JournalProjection journal;

    @Autowired
    ErpPostingProjection postings;

    @Autowired
    ReconciliationProjection reconciliation;

    @Autowired
    KpiProjection kpis;

    @Test
    void rebuildOfEveryProjectionYieldsIdenticalRows() {
        String orderId = recordOrderWithMoneyAndMilestones();
        awaitCaughtUp(projections);
        JsonNode orderPostings = get(http, "/api/v1/orders/" + orderId + "/postings");
        String acknowledged = orderPostings.path("postings").get(0).path("postingId").asText();
        post(http, "/api/v1/erp/postings/" + acknowledged + "/acknowledgement", "{\"erpDocumentNumber\":\"DOC-1\"}",
                201);
        Map<String, String> before = checksums(jdbc);
        String deliveriesBefore = deliveryChecksum();

        JsonNode started = post(http, "/api/v1/admin/projections/rebuild", "", 202);
        awaitCaughtUp(projections);
        Map<String, String> after = checksums(jdbc);

        assertThat(started.path("projections").size()).isEqualTo(5);
        // Just restarted, the processors may not have claimed their segments yet; that is no error.
        for (JsonNode projection : started.path("projections")) {
            assertThat(projection.path("errors")).as(projection.path("name").asText()).isEmpty();
        }
        assertThat(after).isEqualTo(before);
        assertThat(before.get("erp_posting")).doesNotStartWith("empty");
        assertThat(before.get("journal_line")).doesNotStartWith("empty");
        assertThat(deliveryChecksum()).isEqualTo(deliveriesBefore);
        JsonNode posting = get(http, "/api/v1/erp/postings/" + acknowledged);
        assertThat(posting.path("state").asText()).isEqualTo("POSTED");
        assertThat(posting.path("erpDocumentNumber").asText()).isEqualTo("DOC-1");
    }

    @Test
    void redeliveredEventsChangeNoRows() throws Exception {
        recordOrderWithMoneyAndMilestones();
        awaitCaughtUp(projections);
        Map<String, String> before = checksums(jdbc);
        List<TrackedEventMessage<?>> events = allEvents();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        for (Object projection : List.of(visibility, journal, postings, reconciliation, kpis)) {
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
            transaction.executeWithoutResult(status -> events.forEach(event -> redeliver(handlers, event)));
        }

        assertThat(events).isNotEmpty();
        assertThat(checksums(jdbc)).isEqualTo(before);
    }

    @Test
    void rebuildOfOneProjectionReportsProgress() {
        recordOrderWithMoneyAndMilestones();
        awaitCaughtUp(projections);

        JsonNode started = post(http, "/api/v1/admin/projections/shipment-visibility/rebuild", "", 202);
        awaitCaughtUp(projections);
        JsonNode status = get(http, "/api/v1/admin/projections/shipment-visibility");

        assertThat(started.path("name").asText()).isEqualTo("shipment-visibility");
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("replaying").asBoolean()).isFalse();
        assertThat(status.path("caughtUp").asBoolean()).isTrue();
        assertThat(status.path("position").asLong()).isEqualTo(status.path("head").asLong());
        assertThat(status.path("progress").decimalValue()).isEqualByComparingTo("1");
        assertThat(status.path("tables").get(0).asText()).isEqualTo("shipment_visibility");
    }

    @Test
    void unknownProjectionIsInvalid() {
        JsonNode problem = post(http, "/api/v1/admin/projections/orders/rebuild", "", 400);

        assertThat(problem.path("field").asText()).isEqualTo("name");
        assertThat(problem.path("value").asText()).isEqualTo("orders");
        assertThat(problem.path("fix").asText()).contains("erp-postings");
    }

    @Test
    void databaseRejectsUnbalancedJournalEntry() {
        UUID entryId = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    INSERT INTO journal_entry (entry_id, event_id, tenant_id, order_id, kind, currency, amount,
                                               occurred_at, recorded_at)
                    VALUES (?, ?, 'acme', ?, 'TEST', 'EUR', 10, now(), now())""",
                    entryId, "test-" + entryId, UUID.randomUUID());
            jdbc.update("""
                    INSERT INTO journal_line (entry_id, line_number, account, account_name, debit, credit)
                    VALUES (?, 1, '1100', 'Accounts receivable', 10, 0)""", entryId);
        })).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("unbalanced");

        Long stored = jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE entry_id = ?", Long.class, entryId);
        assertThat(stored).isZero();
    }

    private static void redeliver(AnnotationEventHandlerAdapter handlers, TrackedEventMessage<?> event) {
        try {
            if (handlers.canHandle(event)) {
                handlers.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("redelivery of " + event.getPayloadType().getSimpleName() + " failed", e);
        }
    }

    /** Reads the whole event store, each event with its tracking token, as a processor receives it. */
    private List<TrackedEventMessage<?>> allEvents() throws InterruptedException {
        long head = eventStore.createHeadToken().position().orElse(0);
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                events.add(event);
                if (event.trackingToken().position().orElse(0) >= head) {
                    break;
                }
            }
        }
        return events;
    }

    private String deliveryChecksum() {
        return jdbc.queryForObject("SELECT coalesce(md5(string_agg(d::text, E'\\n' ORDER BY d::text)), 'empty') "
                + "FROM erp_posting_delivery d", String.class);
    }

    /** Releases an order in BRL and records a quote, a payment, milestones and an invoice for it. */
    private String recordOrderWithMoneyAndMilestones() {
        String orderId = post(http, "/api/v1/orders", Requests.release(uniqueErpOrderNumber()), 201)
                .path("orderId").asText();
        String shipmentId = post(http, "/api/v1/orders/" + orderId + "/shipments", "{}", 201)
                .path("shipmentId").asText();
        post(http, "/api/v1/shipments/" + shipmentId + "/tender", Requests.tender("1Z" + UUID.randomUUID()), 200);
        post(http, "/api/v1/shipments/" + shipmentId + "/expected-charges", """
                {"quoteReference":"Q-1","currency":"BRL","lines":[{"type":"BASE_FREIGHT","amount":19.90}]}""", 201);
        post(http, "/api/v1/orders/" + orderId + "/payments", """
                {"paymentReference":"PAY-1","method":"CARD","amount":100.00,"currency":"BRL","installments":2}""",
                201);
        post(http, "/api/v1/shipments/" + shipmentId + "/milestones",
                Requests.milestone("PICKED_UP", "2026-03-01T12:00:00Z", "m1"), 201);
        post(http, "/api/v1/shipments/" + shipmentId + "/milestones",
                Requests.milestone("DELIVERY_ATTEMPT_FAILED", "2026-03-02T12:00:00Z", "m2"), 201);
        post(http, "/api/v1/shipments/" + shipmentId + "/milestones",
                Requests.milestone("DELIVERED", "2026-03-03T12:00:00Z", "m3"), 201);
        post(http, "/api/v1/shipments/" + shipmentId + "/carrier-invoices", """
                {"carrierId":"ups","invoiceReference":"INV-1","currency":"BRL",
                 "lines":[{"type":"BASE_FREIGHT","amount":19.90},{"type":"FAILED_ATTEMPT_FEE","amount":4.00}]}""",
                201);
        return orderId;
    }
}
