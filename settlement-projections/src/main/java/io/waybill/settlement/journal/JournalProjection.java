package io.waybill.settlement.journal;

import static io.waybill.settlement.EventFacts.utc;
import static io.waybill.settlement.journal.JournalTables.*;

import io.waybill.settlement.EventFacts;
import io.waybill.settlement.Projection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;

/**
 * Books every financial event ({@link FinancialEvents}) as a balanced journal entry. The entry id
 * is derived from the event id, so redelivery and replay leave exactly one entry per event.
 */
@ProcessingGroup(JournalProjection.PROCESSING_GROUP)
public class JournalProjection {

    public static final String PROCESSING_GROUP = "finance-journal";

    private final DSLContext dsl;

    public JournalProjection(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Receives every event; only those {@link FinancialEvents} translates are booked. */
    @EventHandler
    void on(Object payload, @MessageIdentifier String eventId, @Timestamp Instant recordedAt) {
        FinancialEvents.translate(payload)
                .filter(fact -> fact.journal() != null)
                .ifPresent(fact -> book(fact, eventId, recordedAt));
    }

    @ResetHandler
    void reset() {
        dsl.truncate(Projection.FINANCE_JOURNAL.tables().get(0)).cascade().execute();
    }

    private void book(FinancialFact fact, String eventId, Instant recordedAt) {
        UUID entryId = EventFacts.derivedId("journal", eventId);
        JournalEntry entry = fact.journal();
        int inserted = dsl.insertInto(ENTRY)
                .set(ENTRY_ID, entryId)
                .set(EVENT_ID, eventId)
                .set(TENANT_ID, fact.tenantId().value())
                .set(ORDER_ID, fact.orderId().value())
                .set(SHIPMENT_ID, fact.shipmentId())
                .set(KIND, fact.kind())
                .set(REFERENCE, fact.reference())
                .set(CURRENCY, entry.currency().getCurrencyCode())
                .set(AMOUNT, entry.amount())
                .set(OCCURRED_AT, utc(fact.occurredAt()))
                .set(RECORDED_AT, utc(recordedAt))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return;
        }
        List<JournalLine> lines = entry.lines();
        for (int i = 0; i < lines.size(); i++) {
            JournalLine line = lines.get(i);
            dsl.insertInto(LINE)
                    .set(LINE_ENTRY_ID, entryId)
                    .set(LINE_NUMBER, i + 1)
                    .set(ACCOUNT, line.account().number())
                    .set(ACCOUNT_NAME, line.account().title())
                    .set(DEBIT, line.debit())
                    .set(CREDIT, line.credit())
                    .set(MEMO, line.memo())
                    .execute();
        }
    }
}
