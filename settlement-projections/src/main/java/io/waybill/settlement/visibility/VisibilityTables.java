package io.waybill.settlement.visibility;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names of the visibility tables created by {@code V10__shipment_visibility.sql}. */
final class VisibilityTables {

    static final Table<Record> SHIPMENT = table(name("shipment_visibility"));
    static final Field<UUID> SHIPMENT_ID = field(name("shipment_id"), SQLDataType.UUID);
    static final Field<String> TENANT_ID = field(name("tenant_id"), SQLDataType.VARCHAR);
    static final Field<UUID> ORDER_ID = field(name("order_id"), SQLDataType.UUID);
    static final Field<String> SHIPMENT_NUMBER = field(name("shipment_number"), SQLDataType.VARCHAR);
    static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> STATUS_SINCE = field(name("status_since"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> ETA = field(name("eta"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> LAST_CODE = field(name("last_milestone_code"), SQLDataType.VARCHAR);
    static final Field<String> LAST_RAW_CODE = field(name("last_milestone_raw_code"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> LAST_AT = field(name("last_milestone_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> LAST_DESCRIPTION = field(name("last_milestone_description"), SQLDataType.CLOB);
    static final Field<Integer> FAILED_ATTEMPTS = field(name("failed_attempts"), SQLDataType.INTEGER);
    static final Field<Boolean> EXCEPTION_FLAG = field(name("exception_flag"), SQLDataType.BOOLEAN);
    static final Field<String> EXCEPTION_REASON = field(name("exception_reason"), SQLDataType.VARCHAR);
    static final Field<Boolean> CONFLICT_FLAG = field(name("conflict_flag"), SQLDataType.BOOLEAN);
    static final Field<String> CONFLICT_REASON = field(name("conflict_reason"), SQLDataType.CLOB);
    static final Field<Integer> MILESTONE_COUNT = field(name("milestone_count"), SQLDataType.INTEGER);
    static final Field<String> PROVIDER_ID = field(name("provider_id"), SQLDataType.VARCHAR);
    static final Field<String> PROVIDER_SHIPMENT_ID = field(name("provider_shipment_id"), SQLDataType.VARCHAR);
    static final Field<String> CARRIER = field(name("carrier"), SQLDataType.VARCHAR);
    static final Field<String> TRACKING_NUMBER = field(name("tracking_number"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Long> LAST_SEQUENCE = field(name("last_sequence"), SQLDataType.BIGINT);

    static final Table<Record> TIMELINE = table(name("shipment_timeline"));
    static final Field<UUID> T_SHIPMENT_ID = field(name("shipment_id"), SQLDataType.UUID);
    static final Field<Long> T_SEQUENCE = field(name("sequence_number"), SQLDataType.BIGINT);
    static final Field<String> T_TENANT_ID = field(name("tenant_id"), SQLDataType.VARCHAR);
    static final Field<String> T_EVENT_ID = field(name("event_id"), SQLDataType.VARCHAR);
    static final Field<String> T_KIND = field(name("kind"), SQLDataType.VARCHAR);
    static final Field<String> T_CODE = field(name("code"), SQLDataType.VARCHAR);
    static final Field<String> T_RAW_CODE = field(name("raw_code"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> T_OCCURRED_AT = field(name("occurred_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> T_RECORDED_AT = field(name("recorded_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> T_SOURCE = field(name("source"), SQLDataType.VARCHAR);
    static final Field<String> T_SOURCE_EVENT_ID = field(name("source_event_id"), SQLDataType.VARCHAR);
    static final Field<String> T_REASON = field(name("reason"), SQLDataType.VARCHAR);
    static final Field<String> T_RAW_REASON = field(name("raw_reason"), SQLDataType.VARCHAR);
    static final Field<String> T_DESCRIPTION = field(name("description"), SQLDataType.CLOB);
    static final Field<String> T_LOCATION = field(name("location"), SQLDataType.CLOB);
    static final Field<Boolean> T_LATE = field(name("late"), SQLDataType.BOOLEAN);
    static final Field<Boolean> T_CONFLICT = field(name("conflict"), SQLDataType.BOOLEAN);
    static final Field<String> T_STATUS_AFTER = field(name("status_after"), SQLDataType.VARCHAR);

    private VisibilityTables() {
    }
}
