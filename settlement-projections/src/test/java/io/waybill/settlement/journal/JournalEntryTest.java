package io.waybill.settlement.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.kernel.Money;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.PaymentMethod;
import io.waybill.order.api.PaymentRecorded;
import io.waybill.shipment.api.CarrierInvoiceRecorded;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import io.waybill.shipment.api.ShipmentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrderId ORDER = OrderId.forErpOrder(TENANT, "ERP-1");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void unbalancedEntryIsRejected() {
        JournalEntry.Builder entry = JournalEntry.in(EUR)
                .debit(Account.ACCOUNTS_RECEIVABLE, new BigDecimal("10.00"), "x")
                .credit(Account.SALES_REVENUE, new BigDecimal("9.99"), "x");

        assertThatThrownBy(entry::build)
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("debits 10.00, credits 9.99");
    }

    @Test
    void emptyEntryIsRejected() {
        assertThatThrownBy(() -> JournalEntry.in(EUR).build()).isInstanceOf(UnbalancedEntryException.class);
    }

    @Test
    void lineWithBothSidesIsRejected() {
        List<JournalLine> lines = List.of(
                new JournalLine(Account.ACCOUNTS_RECEIVABLE, BigDecimal.ONE, BigDecimal.ONE, "both"));

        assertThatThrownBy(() -> new JournalEntry(EUR, lines)).isInstanceOf(UnbalancedEntryException.class);
    }

    @Test
    void negativeDebitIsBookedAsCredit() {
        JournalEntry entry = JournalEntry.in(EUR)
                .debit(Account.BASE_FREIGHT, new BigDecimal("10.00"), "base")
                .debit(Account.FREIGHT_DISCOUNT, new BigDecimal("-2.00"), "discount")
                .credit(Account.CARRIER_PAYABLE, new BigDecimal("8.00"), "total")
                .build();

        assertThat(entry.lines().get(1).credit()).isEqualByComparingTo("2.00");
        assertThat(entry.lines().get(1).debit()).isEqualByComparingTo("0");
        assertThat(entry.amount()).isEqualByComparingTo("10.00");
    }

    @Test
    void paymentDebitsClearingAndCreditsReceivable() {
        PaymentRecorded payment = new PaymentRecorded(ORDER, TENANT, "PAY-1", PaymentMethod.CARD,
                Money.of("30.00", "EUR"), 3, AT);

        FinancialFact fact = FinancialEvents.translate(payment).orElseThrow();

        assertThat(fact.kind()).isEqualTo("CUSTOMER_PAYMENT");
        assertThat(fact.postToErp()).isTrue();
        assertThat(fact.journal().lines()).extracting(JournalLine::account)
                .containsExactly(Account.PAYMENTS_CLEARING, Account.ACCOUNTS_RECEIVABLE);
        assertThat(fact.journal().amount()).isEqualByComparingTo("30.00");
    }

    @Test
    void zeroInvoiceBooksNothing() {
        ShipmentId shipment = ShipmentId.forOrder(ORDER, "1");
        CarrierInvoiceRecorded invoice = new CarrierInvoiceRecorded(shipment, TENANT, ORDER, PartnerId.of("ups"),
                "INV-0", List.of(new ChargeLine(ChargeType.BASE_FREIGHT, null, null, Money.of("0", "EUR"))), AT);

        FinancialFact fact = FinancialEvents.translate(invoice).orElseThrow();

        assertThat(fact.journal()).isNull();
        assertThat(fact.postToErp()).isTrue();
    }

    @Test
    void nonFinancialEventTranslatesToNothing() {
        assertThat(FinancialEvents.translate("not an event")).isEmpty();
    }
}
