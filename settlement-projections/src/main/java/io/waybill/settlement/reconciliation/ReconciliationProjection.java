package io.waybill.settlement.reconciliation;

import static io.waybill.settlement.EventFacts.utc;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.waybill.kernel.Money;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.PaymentRecorded;
import io.waybill.settlement.Projection;
import io.waybill.shipment.api.CarrierInvoiceRecorded;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ExpectedChargesRecorded;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentTendered;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
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
 * Collects the money facts of each order and shipment for reconciliation: items, payments, the
 * current quote and carrier invoices. Documents are keyed by their reference and shipment updates
 * are guarded by the event's sequence number, so redelivery and replay give the same rows.
 */
@ProcessingGroup(ReconciliationProjection.PROCESSING_GROUP)
public class ReconciliationProjection {

    public static final String PROCESSING_GROUP = "reconciliation";

    static final Table<Record> ORDER = table(name("recon_order"));
    static final Table<Record> PAYMENT = table(name("recon_payment"));
    static final Table<Record> SHIPMENT = table(name("recon_shipment"));
    static final Table<Record> INVOICE = table(name("recon_invoice"));

    private static final Field<UUID> ORDER_ID = field(name("order_id"), SQLDataType.UUID);
    private static final Field<UUID> SHIPMENT_ID = field(name("shipment_id"), SQLDataType.UUID);
    private static final Field<String> TENANT_ID = field(name("tenant_id"), SQLDataType.VARCHAR);
    private static final Field<String> ERP_ORDER_NUMBER = field(name("erp_order_number"), SQLDataType.VARCHAR);
    private static final Field<String> CURRENCY = field(name("currency"), SQLDataType.CHAR(3));
    private static final Field<BigDecimal> ITEMS_AMOUNT = field(name("items_amount"), SQLDataType.NUMERIC(19, 4));
    private static final Field<OffsetDateTime> RELEASED_AT = field(name("released_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> PAYMENT_REFERENCE = field(name("payment_reference"), SQLDataType.VARCHAR);
    private static final Field<String> METHOD = field(name("method"), SQLDataType.VARCHAR);
    private static final Field<BigDecimal> AMOUNT = field(name("amount"), SQLDataType.NUMERIC(19, 4));
    private static final Field<Integer> INSTALLMENTS = field(name("installments"), SQLDataType.INTEGER);
    private static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> CARRIER = field(name("carrier"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> QUOTE_REFERENCE = field(name("quote_reference"), SQLDataType.VARCHAR);
    private static final Field<Long> QUOTE_SEQUENCE = field(name("quote_sequence"), SQLDataType.BIGINT);
    private static final Field<BigDecimal> EXPECTED_FREIGHT = field(name("expected_freight"),
            SQLDataType.NUMERIC(19, 4));
    private static final Field<String> EXPECTED_CURRENCY = field(name("expected_currency"), SQLDataType.CHAR(3));
    private static final Field<Long> LAST_SEQUENCE = field(name("last_sequence"), SQLDataType.BIGINT);
    private static final Field<String> INVOICE_REFERENCE = field(name("invoice_reference"), SQLDataType.VARCHAR);
    private static final Field<String> CARRIER_ID = field(name("carrier_id"), SQLDataType.VARCHAR);

    private final DSLContext dsl;

    public ReconciliationProjection(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(OrderReleased event) {
        Money items = event.lines().stream().map(OrderLine::total).reduce(Money.zero(event.currency()), Money::plus);
        dsl.insertInto(ORDER)
                .set(ORDER_ID, event.orderId().value())
                .set(TENANT_ID, event.tenantId().value())
                .set(ERP_ORDER_NUMBER, event.erpOrderNumber())
                .set(CURRENCY, event.currency().getCurrencyCode())
                .set(ITEMS_AMOUNT, items.amount())
                .set(RELEASED_AT, utc(event.occurredAt()))
                .onConflictDoNothing()
                .execute();
    }

    @EventHandler
    void on(PaymentRecorded event) {
        dsl.insertInto(PAYMENT)
                .set(ORDER_ID, event.orderId().value())
                .set(PAYMENT_REFERENCE, event.paymentReference())
                .set(TENANT_ID, event.tenantId().value())
                .set(METHOD, event.method().name())
                .set(AMOUNT, event.amount().amount())
                .set(CURRENCY, event.amount().currency().getCurrencyCode())
                .set(INSTALLMENTS, event.installments())
                .set(OCCURRED_AT, utc(event.occurredAt()))
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
                .set(STATUS, "CREATED")
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

    /** Keeps the status, and when the carrier's work ended: the first change into a terminal status. */
    @EventHandler
    void on(MilestoneRecorded event, @SequenceNumber long sequence) {
        var update = dsl.update(SHIPMENT)
                .set(STATUS, event.statusAfter().name())
                .set(LAST_SEQUENCE, sequence);
        if (event.statusAfter().isTerminal() && !event.statusBefore().isTerminal()) {
            update = update.set(FINISHED_AT, utc(event.occurredAt()));
        }
        update.where(SHIPMENT_ID.eq(event.shipmentId().value()), LAST_SEQUENCE.lt(sequence)).execute();
    }

    /** Replaces the shipment's expected freight: a later quote supersedes the earlier one, as the shipment domain defines. */
    @EventHandler
    void on(ExpectedChargesRecorded event, @SequenceNumber long sequence) {
        dsl.update(SHIPMENT)
                .set(QUOTE_REFERENCE, event.quoteReference())
                .set(QUOTE_SEQUENCE, sequence)
                .set(EXPECTED_FREIGHT, total(event.lines()).amount())
                .set(EXPECTED_CURRENCY, total(event.lines()).currency().getCurrencyCode())
                .set(LAST_SEQUENCE, sequence)
                .where(SHIPMENT_ID.eq(event.shipmentId().value()), LAST_SEQUENCE.lt(sequence))
                .execute();
    }

    @EventHandler
    void on(CarrierInvoiceRecorded event) {
        Money total = total(event.lines());
        dsl.insertInto(INVOICE)
                .set(SHIPMENT_ID, event.shipmentId().value())
                .set(INVOICE_REFERENCE, event.invoiceReference())
                .set(TENANT_ID, event.tenantId().value())
                .set(ORDER_ID, event.orderId().value())
                .set(CARRIER_ID, event.carrierId().value())
                .set(AMOUNT, total.amount())
                .set(CURRENCY, total.currency().getCurrencyCode())
                .set(OCCURRED_AT, utc(event.occurredAt()))
                .onConflictDoNothing()
                .execute();
    }

    @ResetHandler
    void reset() {
        for (String table : Projection.RECONCILIATION.tables()) {
            dsl.truncate(table).execute();
        }
    }

    private static Money total(List<ChargeLine> lines) {
        return lines.stream().map(ChargeLine::amount)
                .reduce(Money.zero(lines.get(0).amount().currency()), Money::plus);
    }
}
