package io.waybill.settlement.visibility;

import static io.waybill.settlement.EventFacts.utc;
import static io.waybill.settlement.visibility.VisibilityTables.*;

import io.waybill.settlement.Projection;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;

/**
 * Current state and timeline of every shipment. Events of one shipment arrive in stream order, and
 * a row remembers the sequence number of the last event applied to it, so a redelivered event is
 * skipped and a replay writes the same rows.
 */
@ProcessingGroup(ShipmentVisibilityProjection.PROCESSING_GROUP)
public class ShipmentVisibilityProjection {

    public static final String PROCESSING_GROUP = "shipment-visibility";

    private final DSLContext dsl;

    public ShipmentVisibilityProjection(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(ShipmentCreated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId) {
        dsl.insertInto(SHIPMENT)
                .set(SHIPMENT_ID, event.shipmentId().value())
                .set(TENANT_ID, event.tenantId().value())
                .set(ORDER_ID, event.orderId().value())
                .set(SHIPMENT_NUMBER, event.shipmentNumber())
                .set(STATUS, ShipmentStatus.CREATED.name())
                .set(STATUS_SINCE, utc(event.occurredAt()))
                .set(CREATED_AT, utc(event.occurredAt()))
                .set(UPDATED_AT, utc(recordedAt))
                .set(LAST_SEQUENCE, sequence)
                .onConflict(SHIPMENT_ID).doNothing()
                .execute();
        insertTimeline(event.shipmentId().value(), sequence, event.tenantId().value(), eventId, "CREATED",
                event.occurredAt(), recordedAt, ShipmentStatus.CREATED.name())
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ShipmentTendered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId) {
        Record row = current(event.shipmentId().value());
        if (row == null || row.get(LAST_SEQUENCE) >= sequence) {
            return;
        }
        String status = ShipmentStatus.CREATED.name().equals(row.get(STATUS))
                ? ShipmentStatus.TENDERED.name() : row.get(STATUS);
        OffsetDateTime statusSince = status.equals(row.get(STATUS)) ? row.get(STATUS_SINCE) : utc(event.occurredAt());
        dsl.update(SHIPMENT)
                .set(PROVIDER_ID, event.providerId().value())
                .set(PROVIDER_SHIPMENT_ID, event.providerShipmentId())
                .set(TRACKING_NUMBER, event.trackingNumber())
                .set(CARRIER, event.carrier())
                .set(STATUS, status)
                .set(STATUS_SINCE, statusSince)
                .set(UPDATED_AT, utc(recordedAt))
                .set(LAST_SEQUENCE, sequence)
                .where(SHIPMENT_ID.eq(event.shipmentId().value()))
                .execute();
        insertTimeline(event.shipmentId().value(), sequence, event.tenantId().value(), eventId, "TENDERED",
                event.occurredAt(), recordedAt, status)
                .set(T_SOURCE, event.providerId().value())
                .set(T_DESCRIPTION, "tendered to " + event.providerId() + ", carrier " + event.carrier()
                        + ", tracking number " + event.trackingNumber())
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MessageIdentifier String eventId) {
        Record row = current(event.shipmentId().value());
        if (row == null || row.get(LAST_SEQUENCE) >= sequence) {
            return;
        }
        OffsetDateTime occurredAt = utc(event.occurredAt());
        var update = dsl.update(SHIPMENT)
                .set(STATUS, event.statusAfter().name())
                .set(STATUS_SINCE, statusSince(row, event))
                .set(FAILED_ATTEMPTS, event.failedAttempts())
                .set(MILESTONE_COUNT, row.get(MILESTONE_COUNT) + 1)
                .set(UPDATED_AT, utc(recordedAt))
                .set(LAST_SEQUENCE, sequence);
        if (row.get(LAST_AT) == null || !occurredAt.isBefore(row.get(LAST_AT))) {
            update = update.set(LAST_CODE, event.code().name())
                    .set(LAST_RAW_CODE, event.rawCode())
                    .set(LAST_AT, occurredAt)
                    .set(LAST_DESCRIPTION, event.description());
        }
        if (event.estimatedDelivery() != null && !event.late()) {
            update = update.set(ETA, utc(event.estimatedDelivery()));
        }
        if (event.code() == MilestoneCode.EXCEPTION && !row.get(EXCEPTION_FLAG)) {
            update = update.set(EXCEPTION_FLAG, true).set(EXCEPTION_REASON, reasonText(event));
        }
        if (event.conflict() && !row.get(CONFLICT_FLAG)) {
            update = update.set(CONFLICT_FLAG, true).set(CONFLICT_REASON, event.conflictReason());
        }
        update.where(SHIPMENT_ID.eq(event.shipmentId().value())).execute();
        insertTimeline(event.shipmentId().value(), sequence, event.tenantId().value(), eventId, "MILESTONE",
                event.occurredAt(), recordedAt, event.statusAfter().name())
                .set(T_CODE, event.code().name())
                .set(T_RAW_CODE, event.rawCode())
                .set(T_SOURCE, event.source())
                .set(T_SOURCE_EVENT_ID, event.sourceEventId())
                .set(T_REASON, event.reason() == null ? null : event.reason().name())
                .set(T_RAW_REASON, event.rawReason())
                .set(T_DESCRIPTION, event.description())
                .set(T_LOCATION, locationText(event.location()))
                .set(T_LATE, event.late())
                .set(T_CONFLICT, event.conflict())
                .onConflictDoNothing()
                .execute();
    }

    @ResetHandler
    void reset() {
        for (String table : Projection.SHIPMENT_VISIBILITY.tables()) {
            dsl.truncate(table).execute();
        }
    }

    private Record current(UUID shipmentId) {
        return dsl.selectFrom(SHIPMENT).where(SHIPMENT_ID.eq(shipmentId)).forUpdate().fetchOne();
    }

    /** Mirrors the aggregate: a status change starts a new period, a repeat of the status moves it later. */
    private static OffsetDateTime statusSince(Record row, MilestoneRecorded event) {
        OffsetDateTime since = row.get(STATUS_SINCE);
        OffsetDateTime occurredAt = utc(event.occurredAt());
        if (event.statusAfter() != event.statusBefore()) {
            return occurredAt;
        }
        boolean repeatsStatus = !event.late() && !event.conflict()
                && ShipmentStatus.reachedBy(event.code()) == event.statusAfter();
        return repeatsStatus && occurredAt.isAfter(since) ? occurredAt : since;
    }

    private static String reasonText(MilestoneRecorded event) {
        if (event.reason() != null && event.rawReason() != null) {
            return event.reason() + " (" + event.rawReason() + ")";
        }
        return event.reason() != null ? event.reason().name() : event.rawReason();
    }

    private static String locationText(Location location) {
        if (location == null) {
            return null;
        }
        String text = Stream.of(location.facility(), location.city(), location.region(), location.postalCode(),
                        location.countryCode())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? null : text;
    }

    private InsertSetMoreStep<Record> insertTimeline(UUID shipmentId, long sequence, String tenantId,
                                                   String eventId, String kind, Instant occurredAt,
                                                   Instant recordedAt, String statusAfter) {
        return dsl.insertInto(TIMELINE)
                .set(T_SHIPMENT_ID, shipmentId)
                .set(T_SEQUENCE, sequence)
                .set(T_TENANT_ID, tenantId)
                .set(T_EVENT_ID, eventId)
                .set(T_KIND, kind)
                .set(T_OCCURRED_AT, utc(occurredAt))
                .set(T_RECORDED_AT, utc(recordedAt))
                .set(T_STATUS_AFTER, statusAfter);
    }
}
