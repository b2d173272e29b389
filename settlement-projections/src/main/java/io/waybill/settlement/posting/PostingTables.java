package io.waybill.settlement.posting;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names of the ERP posting tables created by {@code V12__erp_postings.sql}. */
final class PostingTables {

    static final Table<Record> ORDER = table(name("erp_posting_order"));
    static final Field<UUID> O_ORDER_ID = field(name("erp_posting_order", "order_id"), SQLDataType.UUID);
    static final Field<String> O_TENANT_ID = field(name("erp_posting_order", "tenant_id"), SQLDataType.VARCHAR);
    static final Field<String> O_ERP_ORDER_NUMBER = field(name("erp_posting_order", "erp_order_number"),
            SQLDataType.VARCHAR);

    static final Table<Record> POSTING = table(name("erp_posting"));
    static final Field<UUID> POSTING_ID = field(name("erp_posting", "posting_id"), SQLDataType.UUID);
    static final Field<String> TENANT_ID = field(name("erp_posting", "tenant_id"), SQLDataType.VARCHAR);
    static final Field<UUID> ORDER_ID = field(name("erp_posting", "order_id"), SQLDataType.UUID);
    static final Field<String> ERP_ORDER_NUMBER = field(name("erp_posting", "erp_order_number"), SQLDataType.VARCHAR);
    static final Field<UUID> SHIPMENT_ID = field(name("erp_posting", "shipment_id"), SQLDataType.UUID);
    static final Field<String> POSTING_TYPE = field(name("erp_posting", "posting_type"), SQLDataType.VARCHAR);
    static final Field<String> EVENT_ID = field(name("erp_posting", "event_id"), SQLDataType.VARCHAR);
    static final Field<Long> EVENT_POSITION = field(name("erp_posting", "event_position"), SQLDataType.BIGINT);
    static final Field<Integer> POSITION_IN_EVENT = field(name("erp_posting", "position_in_event"),
            SQLDataType.INTEGER);
    static final Field<BigDecimal> AMOUNT = field(name("erp_posting", "amount"), SQLDataType.NUMERIC(19, 4));
    static final Field<String> CURRENCY = field(name("erp_posting", "currency"), SQLDataType.CHAR(3));
    static final Field<OffsetDateTime> OCCURRED_AT = field(name("erp_posting", "occurred_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> RECORDED_AT = field(name("erp_posting", "recorded_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<JSONB> DOCUMENT = field(name("erp_posting", "document"), SQLDataType.JSONB);

    static final Table<Record> DELIVERY = table(name("erp_posting_delivery"));
    static final Field<UUID> D_POSTING_ID = field(name("erp_posting_delivery", "posting_id"), SQLDataType.UUID);
    static final Field<String> D_TENANT_ID = field(name("erp_posting_delivery", "tenant_id"), SQLDataType.VARCHAR);
    static final Field<String> D_STATE = field(name("erp_posting_delivery", "state"), SQLDataType.VARCHAR);
    static final Field<Integer> D_ATTEMPTS = field(name("erp_posting_delivery", "attempts"), SQLDataType.INTEGER);
    static final Field<Integer> D_FAILURES = field(name("erp_posting_delivery", "consecutive_failures"),
            SQLDataType.INTEGER);
    static final Field<OffsetDateTime> D_NEXT_ATTEMPT_AT = field(name("erp_posting_delivery", "next_attempt_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> D_LAST_ATTEMPT_AT = field(name("erp_posting_delivery", "last_attempt_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Integer> D_LAST_HTTP_STATUS = field(name("erp_posting_delivery", "last_http_status"),
            SQLDataType.INTEGER);
    static final Field<String> D_LAST_ERROR = field(name("erp_posting_delivery", "last_error"), SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> D_DELIVERED_AT = field(name("erp_posting_delivery", "delivered_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<String> D_CHANNEL = field(name("erp_posting_delivery", "channel"), SQLDataType.VARCHAR);
    static final Field<String> D_DOCUMENT_NUMBER = field(name("erp_posting_delivery", "erp_document_number"),
            SQLDataType.VARCHAR);
    static final Field<OffsetDateTime> D_UPDATED_AT = field(name("erp_posting_delivery", "updated_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    private PostingTables() {
    }
}
