package io.waybill.importer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.importer.client.ShipmentRequests.Milestone;
import io.waybill.importer.mapping.OrderPlan.StatusAction;
import io.waybill.importer.olist.OlistDataset;
import io.waybill.importer.olist.OlistOrder;
import io.waybill.importer.support.OlistFolder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OlistMappingTest {

    private static OlistDataset dataset;

    @BeforeAll
    static void writeDataset() throws Exception {
        dataset = OlistDataset.load(new OlistFolder()
                .order("delivered", "c1", "delivered", "2017-10-02 10:56:33", "2017-10-02 11:07:15",
                        "2017-10-04 19:55:00", "2017-10-10 21:25:13", "2017-10-18 00:00:00")
                .order("early", "c2", "delivered", "2017-05-01 10:00:00", "2017-05-01 11:00:00",
                        "2017-05-09 12:00:00", "2017-05-08 09:00:00", "2017-05-20 00:00:00")
                .order("unavailable", "c3", "unavailable", "2017-06-01 10:00:00", "2017-06-01 11:00:00",
                        "", "", "2017-06-20 00:00:00")
                .order("cancelled", "c4", "canceled", "2017-07-01 10:00:00", "", "", "", "2017-07-20 00:00:00")
                .item("delivered", 1, "29.9", "8.72")
                .item("delivered", 2, "29.9", "8.72")
                .item("early", 1, "100", "15")
                .item("cancelled", 1, "50", "10")
                .customer("c1", "4571", "sao paulo", "SP")
                .customer("c2", "18682", "lencois paulista", "SP")
                .customer("c3", "1310", "sao paulo", "SP")
                .customer("c4", "22250", "rio de janeiro", "RJ")
                .payment("delivered", 1, "credit_card", 2, "77.24")
                .payment("delivered", 2, "voucher", 1, "0")
                .write());
    }

    private static OrderPlan plan(String orderId) {
        OlistOrder order = dataset.orders().stream().filter(o -> o.orderId().equals(orderId)).findFirst()
                .orElseThrow();
        return OlistMapping.plan(order, dataset);
    }

    @Test
    void deliveredOrderBecomesReleaseShipmentAndTwoMilestones() {
        OrderPlan plan = plan("delivered");

        assertThat(plan.release().lines()).hasSize(2);
        assertThat(plan.release().lines().get(0).unitPrice()).isEqualByComparingTo("29.90");
        assertThat(plan.release().shipTo().postalCode()).isEqualTo("04571");
        assertThat(plan.release().shipTo().countryCode()).isEqualTo("BR");
        assertThat(plan.release().customerReference()).isEqualTo("unique-c1");
        assertThat(plan.release().promisedDelivery().latestDate()).isEqualTo(LocalDate.of(2017, 10, 18));
        assertThat(plan.release().releasedAt()).isEqualTo(Instant.parse("2017-10-02T14:07:15Z"));
        assertThat(plan.statusChange()).isNull();
        assertThat(plan.shipment().milestones()).extracting(Milestone::code).containsExactly("PICKED_UP", "DELIVERED");
        assertThat(plan.shipment().milestones()).extracting(Milestone::sourceEventId)
                .containsExactly("olist:delivered:delivered_carrier", "olist:delivered:delivered_customer");
        assertThat(plan.shipment().charges().lines().get(0).amount()).isEqualByComparingTo("17.44");
        assertThat(plan.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.body().paymentReference()).isEqualTo("olist:delivered:1");
            assertThat(payment.body().method()).isEqualTo("CARD");
            assertThat(payment.body().amount()).isEqualByComparingTo("77.24");
            assertThat(payment.body().installments()).isEqualTo(2);
        });
        assertThat(plan.zeroPayments()).as("the voucher of 0.00, which is not sent").isEqualTo(1);
    }

    @Test
    void paymentTypesMapToMethods() {
        assertThat(OlistMapping.paymentMethod("credit_card")).isEqualTo("CARD");
        assertThat(OlistMapping.paymentMethod("debit_card")).isEqualTo("CARD");
        assertThat(OlistMapping.paymentMethod("boleto")).isEqualTo("BANK_SLIP");
        assertThat(OlistMapping.paymentMethod("voucher")).isEqualTo("OTHER");
        assertThat(OlistMapping.paymentMethod("not_defined")).isEqualTo("OTHER");
    }

    @Test
    void deliveryBeforeHandoverIsSentFirst() {
        List<Milestone> milestones = plan("early").shipment().milestones();

        assertThat(milestones).extracting(Milestone::code).containsExactly("DELIVERED", "PICKED_UP");
        assertThat(milestones).extracting(Milestone::occurredAt)
                .containsExactly(Instant.parse("2017-05-08T12:00:00Z"), Instant.parse("2017-05-09T15:00:00Z"));
    }

    @Test
    void itemlessUnavailableOrderGetsPlaceholderLine() {
        OrderPlan plan = plan("unavailable");

        assertThat(plan.statusChange().action()).isEqualTo(StatusAction.HOLD);
        assertThat(plan.release().lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(OlistMapping.NO_ITEM_ROWS_SKU);
            assertThat(line.unitPrice()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(plan.itemSources()).isEmpty();
        assertThat(plan.shipment()).isNull();
    }

    @Test
    void cancelledOrderIsCancelledWithoutShipment() {
        OrderPlan plan = plan("cancelled");

        assertThat(plan.statusChange().action()).isEqualTo(StatusAction.CANCEL);
        assertThat(plan.cancelAfterHandover()).isFalse();
        assertThat(plan.shipment()).isNull();
        assertThat(plan.release().releasedAt()).as("purchase time, as it was never approved")
                .isEqualTo(Instant.parse("2017-07-01T13:00:00Z"));
    }
}
