package io.waybill.settlement.journal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names of the journal tables created by {@code V11__finance_journal.sql}. */
final class JournalTables {

    static final Table<Record> ENTRY = table(name("journal_entry"));
    static final Field<UUID> ENTRY_ID = field(name("journal_entry", "entry_id"), SQLDataType.UUID);
    static final Field<String> EVENT_ID = field(name("journal_entry", "event_id"), SQLDataType.VARCHAR);
    static final Field<String> TENANT_ID = field(name("journal_entry", "tenant_id"), SQLDataType.VARCHAR);
    static final Field<UUID> ORDER_ID = field(name("journal_entry", "order_id"), SQLDataType.UUID);
    static final Field<UUID> SHIPMENT_ID = field(name("journal_entry", "shipment_id"), SQLDataType.UUID);
    static final Field<String> KIND = field(name("journal_entry", "kind"), SQLDataType.VARCHAR);
    static final Field<String> REFERENCE = field(name("journal_entry", "reference"), SQLDataType.VARCHAR);
    static final Field<String> CURRENCY = field(name("journal_entry", "currency"), SQLDataType.CHAR(3));
    static final Field<BigDecimal> AMOUNT = field(name("journal_entry", "amount"), SQLDataType.NUMERIC(19, 4));
    static final Field<OffsetDateTime> OCCURRED_AT = field(name("journal_entry", "occurred_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<OffsetDateTime> RECORDED_AT = field(name("journal_entry", "recorded_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    static final Table<Record> LINE = table(name("journal_line"));
    static final Field<UUID> LINE_ENTRY_ID = field(name("journal_line", "entry_id"), SQLDataType.UUID);
    static final Field<Integer> LINE_NUMBER = field(name("journal_line", "line_number"), SQLDataType.INTEGER);
    static final Field<String> ACCOUNT = field(name("journal_line", "account"), SQLDataType.VARCHAR);
    static final Field<String> ACCOUNT_NAME = field(name("journal_line", "account_name"), SQLDataType.VARCHAR);
    static final Field<BigDecimal> DEBIT = field(name("journal_line", "debit"), SQLDataType.NUMERIC(19, 4));
    static final Field<BigDecimal> CREDIT = field(name("journal_line", "credit"), SQLDataType.NUMERIC(19, 4));
    static final Field<String> MEMO = field(name("journal_line", "memo"), SQLDataType.VARCHAR);

    private JournalTables() {
    }
}
