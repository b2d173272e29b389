package io.waybill.settlement.kpi;

import static io.waybill.settlement.EventFacts.utc;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.waybill.order.api.Address;
import io.waybill.order.api.OrderReleased;
import io.waybill.settlement.Projection;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Delivery facts for the KPIs: per order its release time, promised day and region; per shipment
 * its carrier, creation and delivery times, failed attempts and whether an exception happened.
 * Shipment updates are guarded by the event's sequence number, so redelivery changes nothing.
 */
@ProcessingGroup(KpiProjection.PROCESSING_GROUP)
public class KpiProjection {

    public static final String PROCESSING_GROUP = "kpis";

    private static final Table<Record> ORDER = table(name("kpi_order"));
    private static final Table<Record> SHIPMENT = table(name("kpi_shipment"));
    private static final Field<UUID> ORDER_ID = field(name("order_id"), SQLDataType.UUID);
    private static final Field<UUID> SHIPMENT_ID = field(name("shipment_id"), SQLDataType.UUID);
    private static final Field<String> TENANT_ID = field(name("tenant_id"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> RELEASED_AT = field(name("released_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<LocalDate> PROMISED_DATE = field(name("promised_date"), SQLDataType.LOCALDATE);
    private static final Field<String> REGION = field(name("region"), SQLDataType.VARCHAR);
    private static final Field<String> CARRIER = field(name("carrier"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> DELIVERED_AT = field(name("delivered_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<Integer> FAILED_ATTEMPTS = field(name("failed_attempts"), SQLDataType.INTEGER);
    private static final Field<Boolean> HAD_EXCEPTION = field(name("had_exception"), SQLDataType.BOOLEAN);
    private static final Field<Long> LAST_SEQUENCE = field(name("last_sequence"), SQLDataType.BIGINT);

    private final DSLContext dsl;

    public KpiProjection(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(OrderReleased event) {
        dsl.insertInto(ORDER)
                .set(ORDER_ID, event.orderId().value())
                .set(TENANT_ID, event.tenantId().value())
                .set(RELEASED_AT, utc(event.occurredAt()))
                .set(PROMISED_DATE, event.promisedDelivery().latestDate())
                .set(REGION, region(event.shipTo()))
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ShipmentCreated event, @SequenceNumber long sequence) {
        dsl.insertInto(SHIPMENT)
                .set(SHIPMENT_ID, event.shipmentId().value())
                .set(TENANT_ID, event.tenantId().value())
                .set(ORDER_ID, event.orderId().value())
                .set(CREATED_AT, utc(event.occurredAt()))
                .set(STATUS, ShipmentStatus.CREATED.name())
                .set(LAST_SEQUENCE, sequence)
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(ShipmentTendered event, @SequenceNumber long sequence) {
        dsl.update(SHIPMENT)
                .set(CARRIER, event.carrier())
                .set(LAST_SEQUENCE, sequence)
                .where(SHIPMENT_ID.eq(event.shipmentId().value()), LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    /** Records status and attempts; the delivery time is when the milestone that moved the shipment to DELIVERED happened. */
    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long sequence) {
        var update = dsl.update(SHIPMENT)
                .set(STATUS, event.statusAfter().name())
                .set(FAILED_ATTEMPTS, event.failedAttempts())
                .set(LAST_SEQUENCE, sequence);
        if (event.statusAfter() == ShipmentStatus.DELIVERED && event.statusBefore() != ShipmentStatus.DELIVERED) {
            update = update.set(DELIVERED_AT, utc(event.occurredAt()));
        }
        if (event.code() == MilestoneCode.EXCEPTION) {
            update = update.set(HAD_EXCEPTION, true);
        }
        update.where(SHIPMENT_ID.eq(event.shipmentId().value()), LAST_SEQUENCE.lt(sequence)).execute();
    }

    @ResetHandler
    void reset() {
        for (String table : Projection.KPIS.tables()) {
            dsl.truncate(table).execute();
        }
    }

    /** Region as country and subdivision, for example {@code BR-SP}, or the country alone. */
    static String region(Address address) {
        String country = address.countryCode();
        return address.region() == null || address.region().isBlank() ? country : country + "-" + address.region();
    }
}
