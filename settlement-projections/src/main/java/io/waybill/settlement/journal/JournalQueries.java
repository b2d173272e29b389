package io.waybill.settlement.journal;

import static io.waybill.settlement.EventFacts.amount;
import static io.waybill.settlement.EventFacts.instant;
import static io.waybill.settlement.journal.JournalTables.*;
import static org.jooq.impl.DSL.sum;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Queries of the journal, always within one tenant. */
public class JournalQueries {

    private final DSLContext dsl;

    public JournalQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored journal entry with its lines. */
    public record EntryView(UUID entryId, String kind, String reference, UUID shipmentId, String currency,
                            BigDecimal amount, Instant occurredAt, Instant recordedAt, List<LineView> lines) {
    }

    public record LineView(int lineNumber, String account, String accountName, BigDecimal debit, BigDecimal credit,
                           String memo) {
    }

    /** Debit and credit totals of one account in one currency; across all accounts the totals are equal. */
    public record AccountBalance(String account, String accountName, String currency, BigDecimal debit,
                                 BigDecimal credit) {
    }

    public List<EntryView> byOrder(TenantId tenantId, OrderId orderId) {
        List<Record> entries = dsl.select().from(ENTRY)
                .where(TENANT_ID.eq(tenantId.value()), ORDER_ID.eq(orderId.value()))
                .orderBy(RECORDED_AT, ENTRY_ID)
                .fetch();
        Map<UUID, List<LineView>> lines = dsl.select().from(LINE).join(ENTRY).on(LINE_ENTRY_ID.eq(ENTRY_ID))
                .where(TENANT_ID.eq(tenantId.value()), ORDER_ID.eq(orderId.value()))
                .orderBy(LINE_ENTRY_ID, LINE_NUMBER)
                .fetchGroups(LINE_ENTRY_ID, record -> new LineView(record.get(LINE_NUMBER), record.get(ACCOUNT),
                        record.get(ACCOUNT_NAME), amount(record.get(DEBIT), record.get(CURRENCY)),
                        amount(record.get(CREDIT), record.get(CURRENCY)), record.get(MEMO)));
        return entries.stream()
                .map(record -> new EntryView(record.get(ENTRY_ID), record.get(KIND), record.get(REFERENCE),
                        record.get(SHIPMENT_ID), record.get(CURRENCY), amount(record.get(AMOUNT), record.get(CURRENCY)),
                        instant(record.get(OCCURRED_AT)), instant(record.get(RECORDED_AT)),
                        lines.getOrDefault(record.get(ENTRY_ID), List.of())))
                .toList();
    }

    /** Returns the trial balance of the tenant: debit and credit totals per account and currency. */
    public List<AccountBalance> trialBalance(TenantId tenantId) {
        return dsl.select(ACCOUNT, ACCOUNT_NAME, CURRENCY, sum(DEBIT), sum(CREDIT))
                .from(LINE).join(ENTRY).on(LINE_ENTRY_ID.eq(ENTRY_ID))
                .where(TENANT_ID.eq(tenantId.value()))
                .groupBy(ACCOUNT, ACCOUNT_NAME, CURRENCY)
                .orderBy(CURRENCY, ACCOUNT)
                .fetch(record -> new AccountBalance(record.value1(), record.value2(), record.value3(),
                        amount(record.value4(), record.value3()), amount(record.value5(), record.value3())));
    }
}
