package io.waybill.settlement.visibility;

import static io.waybill.settlement.EventFacts.instant;
import static io.waybill.settlement.EventFacts.utc;
import static io.waybill.settlement.visibility.VisibilityTables.*;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import io.waybill.shipment.api.ShipmentId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Queries of the shipment visibility read model, always within one tenant. */
public class VisibilityQueries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final DSLContext dsl;

    public VisibilityQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<ShipmentView> byShipment(TenantId tenantId, ShipmentId shipmentId) {
        return dsl.selectFrom(SHIPMENT)
                .where(TENANT_ID.eq(tenantId.value()), SHIPMENT_ID.eq(shipmentId.value()))
                .fetchOptional(VisibilityQueries::toView)
                .map(view -> view.withTimeline(timeline(view.shipmentId())));
    }

    public List<ShipmentView> byOrder(TenantId tenantId, OrderId orderId) {
        return dsl.selectFrom(SHIPMENT)
                .where(TENANT_ID.eq(tenantId.value()), ORDER_ID.eq(orderId.value()))
                .orderBy(SHIPMENT_NUMBER, SHIPMENT_ID)
                .fetch(VisibilityQueries::toView);
    }

    /** Finds shipments by tracking number and carrier; a tracking number may be reused across carriers. */
    public List<ShipmentView> byTracking(TenantId tenantId, String trackingNumber, String carrier) {
        return dsl.selectFrom(SHIPMENT)
                .where(TENANT_ID.eq(tenantId.value()), TRACKING_NUMBER.eq(trackingNumber),
                        lower(CARRIER).eq(carrier.toLowerCase()))
                .orderBy(CREATED_AT, SHIPMENT_ID)
                .fetch(VisibilityQueries::toView)
                .stream()
                .map(view -> view.withTimeline(timeline(view.shipmentId())))
                .toList();
    }

    /**
     * Lists shipments oldest change first, so a client polling with {@code updatedSince} sees each
     * change. A shipment that changes while a client pages moves to the end and shows up again.
     */
    public Page<ShipmentView> list(TenantId tenantId, ShipmentFilter filter, String cursor, int limit) {
        Condition condition = TENANT_ID.eq(tenantId.value());
        if (filter.status() != null) {
            condition = condition.and(STATUS.eq(filter.status()));
        }
        if (filter.carrier() != null) {
            condition = condition.and(lower(CARRIER).eq(filter.carrier().toLowerCase()));
        }
        if (filter.updatedSince() != null) {
            condition = condition.and(UPDATED_AT.ge(utc(filter.updatedSince())));
        }
        condition = condition.and(after(cursor));
        List<ShipmentView> rows = dsl.selectFrom(SHIPMENT)
                .where(condition)
                .orderBy(UPDATED_AT, SHIPMENT_ID)
                .limit(limit + 1)
                .fetch(VisibilityQueries::toView);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<ShipmentView> page = rows.subList(0, limit);
        ShipmentView last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), Cursors.encode(last.updatedAt().toString(), last.shipmentId().toString()));
    }

    private static Condition after(String cursor) {
        List<String> key = Cursors.decode(cursor, 2);
        if (key == null) {
            return noCondition();
        }
        try {
            OffsetDateTime updatedAt = utc(Instant.parse(key.get(0)));
            UUID shipmentId = UUID.fromString(key.get(1));
            return row(UPDATED_AT, SHIPMENT_ID).gt(updatedAt, shipmentId);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Cursors.invalid(cursor);
        }
    }

    private List<TimelineEntry> timeline(UUID shipmentId) {
        return dsl.selectFrom(TIMELINE)
                .where(T_SHIPMENT_ID.eq(shipmentId))
                .orderBy(T_OCCURRED_AT, T_SEQUENCE)
                .fetch(record -> new TimelineEntry(record.get(T_SEQUENCE), record.get(T_KIND), record.get(T_CODE),
                        record.get(T_RAW_CODE), instant(record.get(T_OCCURRED_AT)),
                        instant(record.get(T_RECORDED_AT)), record.get(T_SOURCE), record.get(T_SOURCE_EVENT_ID),
                        record.get(T_REASON), record.get(T_RAW_REASON), record.get(T_DESCRIPTION),
                        record.get(T_LOCATION), record.get(T_LATE), record.get(T_CONFLICT),
                        record.get(T_STATUS_AFTER)));
    }

    private static ShipmentView toView(Record record) {
        ShipmentView.LastMilestone last = record.get(LAST_CODE) == null ? null
                : new ShipmentView.LastMilestone(record.get(LAST_CODE), record.get(LAST_RAW_CODE),
                        instant(record.get(LAST_AT)), record.get(LAST_DESCRIPTION));
        return new ShipmentView(record.get(SHIPMENT_ID), record.get(ORDER_ID), record.get(SHIPMENT_NUMBER),
                record.get(STATUS), instant(record.get(STATUS_SINCE)), instant(record.get(ETA)), last,
                record.get(FAILED_ATTEMPTS), record.get(EXCEPTION_FLAG), record.get(EXCEPTION_REASON),
                record.get(CONFLICT_FLAG), record.get(CONFLICT_REASON), record.get(MILESTONE_COUNT),
                record.get(PROVIDER_ID), record.get(PROVIDER_SHIPMENT_ID), record.get(CARRIER),
                record.get(TRACKING_NUMBER), instant(record.get(CREATED_AT)), instant(record.get(UPDATED_AT)), null);
    }
}
