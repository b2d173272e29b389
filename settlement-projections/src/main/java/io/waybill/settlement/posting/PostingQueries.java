package io.waybill.settlement.posting;

import static io.waybill.settlement.EventFacts.amount;
import static io.waybill.settlement.EventFacts.instant;
import static io.waybill.settlement.posting.PostingTables.*;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

/** Queries of the ERP postings and their delivery state, always within one tenant. */
public class PostingQueries {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final DSLContext dsl;

    public PostingQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Reads the feed after a cursor, in position order. {@code nextCursor} is the last posting's
     * position, or the given cursor when nothing follows it yet, so a reader can keep polling with it.
     */
    public Page<PostingView> feed(TenantId tenantId, String after, int limit) {
        List<PostingView> rows = joined()
                .where(TENANT_ID.eq(tenantId.value()), after(after))
                .orderBy(EVENT_POSITION, POSITION_IN_EVENT)
                .limit(limit)
                .fetch(PostingQueries::toView);
        String next = rows.isEmpty() ? after : rows.get(rows.size() - 1).cursor();
        return new Page<>(rows, next);
    }

    public Optional<PostingView> byId(TenantId tenantId, UUID postingId) {
        return joined().where(TENANT_ID.eq(tenantId.value()), POSTING_ID.eq(postingId))
                .fetchOptional(PostingQueries::toView);
    }

    public List<PostingView> byOrder(TenantId tenantId, OrderId orderId) {
        return joined().where(TENANT_ID.eq(tenantId.value()), ORDER_ID.eq(orderId.value()))
                .orderBy(EVENT_POSITION, POSITION_IN_EVENT)
                .fetch(PostingQueries::toView);
    }

    /** Lists dead letters (FAILED postings) in position order; {@code nextCursor} is null on the last page. */
    public Page<PostingView> deadLetters(TenantId tenantId, String after, int limit) {
        List<PostingView> rows = joined()
                .where(TENANT_ID.eq(tenantId.value()), D_STATE.eq(DeliveryState.FAILED.name()), after(after))
                .orderBy(EVENT_POSITION, POSITION_IN_EVENT)
                .limit(limit + 1)
                .fetch(PostingQueries::toView);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<PostingView> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, page.get(limit - 1).cursor());
    }

    private SelectOnConditionStep<Record> joined() {
        return dsl.select().from(POSTING).leftJoin(DELIVERY).on(D_POSTING_ID.eq(POSTING_ID));
    }

    private static Condition after(String cursor) {
        List<String> key = Cursors.decode(cursor, 2);
        if (key == null) {
            return noCondition();
        }
        try {
            return row(EVENT_POSITION, POSITION_IN_EVENT).gt(Long.parseLong(key.get(0)), Integer.parseInt(key.get(1)));
        } catch (NumberFormatException e) {
            throw Cursors.invalid(cursor);
        }
    }

    static PostingView toView(Record record) {
        String state = record.get(D_STATE);
        Integer attempts = record.get(D_ATTEMPTS);
        String cursor = Cursors.encode(String.valueOf(record.get(EVENT_POSITION)),
                String.valueOf(record.get(POSITION_IN_EVENT)));
        return new PostingView(record.get(POSTING_ID), record.get(POSTING_TYPE), record.get(ORDER_ID),
                record.get(ERP_ORDER_NUMBER), record.get(SHIPMENT_ID), amount(record.get(AMOUNT), record.get(CURRENCY)),
                record.get(CURRENCY), instant(record.get(OCCURRED_AT)), instant(record.get(RECORDED_AT)),
                state == null ? DeliveryState.PENDING : DeliveryState.valueOf(state), attempts == null ? 0 : attempts,
                instant(record.get(D_NEXT_ATTEMPT_AT)), record.get(D_LAST_HTTP_STATUS), record.get(D_LAST_ERROR),
                instant(record.get(D_DELIVERED_AT)), record.get(D_CHANNEL), record.get(D_DOCUMENT_NUMBER), cursor,
                record.get(DOCUMENT).data());
    }
}
