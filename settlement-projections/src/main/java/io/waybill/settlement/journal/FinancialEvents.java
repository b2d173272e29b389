package io.waybill.settlement.journal;

import io.waybill.kernel.Money;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.PaymentRecorded;
import io.waybill.shipment.api.CarrierInvoiceRecorded;
import io.waybill.shipment.api.ChargeLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that defines which events are financial and how each is booked. The journal and the
 * ERP posting projections both read it, so a new financial event type needs one translation
 * registered here and nothing else. Events not registered here return empty.
 */
public final class FinancialEvents {

    private static final Map<Class<?>, Function<Object, FinancialFact>> TRANSLATIONS = Map.of(
            OrderReleased.class, event -> receivable((OrderReleased) event),
            PaymentRecorded.class, event -> payment((PaymentRecorded) event),
            CarrierInvoiceRecorded.class, event -> carrierInvoice((CarrierInvoiceRecorded) event));

    private FinancialEvents() {
    }

    public static Optional<FinancialFact> translate(Object payload) {
        Function<Object, FinancialFact> translation = TRANSLATIONS.get(payload.getClass());
        return translation == null ? Optional.empty() : Optional.ofNullable(translation.apply(payload));
    }

    /** The customer owes the order's line total from its release; freight is settled through the carrier side. */
    static FinancialFact receivable(OrderReleased event) {
        Money total = event.lines().stream().map(OrderLine::total).reduce(Money.zero(event.currency()), Money::plus);
        JournalEntry.Builder entry = JournalEntry.in(event.currency())
                .debit(Account.ACCOUNTS_RECEIVABLE, total.amount(), "order " + event.erpOrderNumber())
                .credit(Account.SALES_REVENUE, total.amount(), "order " + event.erpOrderNumber());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("erpOrderNumber", event.erpOrderNumber());
        details.put("lineCount", event.lines().size());
        return new FinancialFact("ORDER_RECEIVABLE", event.tenantId(), event.orderId(), null,
                event.erpOrderNumber(), total, event.occurredAt(), entry.isEmpty() ? null : entry.build(), false,
                details);
    }

    static FinancialFact payment(PaymentRecorded event) {
        String memo = event.method() + " payment " + event.paymentReference();
        JournalEntry entry = JournalEntry.in(event.amount().currency())
                .debit(Account.PAYMENTS_CLEARING, event.amount().amount(), memo)
                .credit(Account.ACCOUNTS_RECEIVABLE, event.amount().amount(), memo)
                .build();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentReference", event.paymentReference());
        details.put("method", event.method().name());
        details.put("installments", event.installments());
        return new FinancialFact("CUSTOMER_PAYMENT", event.tenantId(), event.orderId(), null,
                event.paymentReference(), event.amount(), event.occurredAt(), entry, true, details);
    }

    /** Each invoice line is booked on its freight account; the total is owed to the carrier. */
    static FinancialFact carrierInvoice(CarrierInvoiceRecorded event) {
        List<ChargeLine> lines = event.lines();
        Money total = lines.stream().map(ChargeLine::amount).reduce(Money.zero(lines.get(0).amount().currency()),
                Money::plus);
        String memo = "invoice " + event.invoiceReference() + " from " + event.carrierId();
        JournalEntry.Builder entry = JournalEntry.in(total.currency());
        for (ChargeLine line : lines) {
            entry.debit(account(line), line.amount().amount(), line.rawCode() == null ? memo : memo + " " + line.rawCode());
        }
        entry.credit(Account.CARRIER_PAYABLE, total.amount(), memo);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("carrierId", event.carrierId().value());
        details.put("invoiceReference", event.invoiceReference());
        details.put("lines", lines.stream().map(FinancialEvents::lineDetails).toList());
        return new FinancialFact("CARRIER_INVOICE", event.tenantId(), event.orderId(), event.shipmentId().value(),
                event.invoiceReference(), total, event.occurredAt(), entry.isEmpty() ? null : entry.build(), true,
                details);
    }

    private static Map<String, Object> lineDetails(ChargeLine line) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", line.type().name());
        details.put("rawCode", line.rawCode());
        details.put("description", line.description());
        details.put("amount", line.amount().amount().toPlainString());
        return details;
    }

    private static Account account(ChargeLine line) {
        return switch (line.type()) {
            case BASE_FREIGHT -> Account.BASE_FREIGHT;
            case FUEL_SURCHARGE -> Account.FUEL_SURCHARGE;
            case ACCESSORIAL_SURCHARGE -> Account.ACCESSORIAL_SURCHARGE;
            case FAILED_ATTEMPT_FEE -> Account.FAILED_ATTEMPT_FEE;
            case RETURN_FEE -> Account.RETURN_FEE;
            case DUTIES_AND_TAXES -> Account.DUTIES_AND_TAXES;
            case DISCOUNT -> Account.FREIGHT_DISCOUNT;
        };
    }
}
