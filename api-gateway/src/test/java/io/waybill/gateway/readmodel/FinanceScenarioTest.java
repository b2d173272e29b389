package io.waybill.gateway.readmodel;

import static io.waybill.gateway.support.ReadModels.SAO_PAULO_TENANT;
import static io.waybill.gateway.support.ReadModels.awaitCaughtUp;
import static io.waybill.gateway.support.ReadModels.get;
import static io.waybill.gateway.support.ReadModels.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.security.Role;
import io.waybill.gateway.support.LedgerIntegrationTest;
import io.waybill.settlement.replay.ProjectionAdmin;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted month of a tenant in Sao Paulo (UTC-3), with every figure worked out by hand:
 * <ul>
 *   <li>A: items 2 x 49.90 + 120.00 = 219.80, quote 25.00 + 3.50 = 28.50, expected 248.30, paid 248.30 in
 *       3 instalments; UPS invoices 25.00 + 4.10 + 6.00 = 35.10, an overcharge of 6.60. An IN_TRANSIT
 *       milestone arrives twice and OUT_FOR_DELIVERY arrives after DELIVERED. Delivered 03-04 01:30 UTC,
 *       which is 03-03 22:30 in Sao Paulo: on time for the promised 03-03.</li>
 *   <li>B: items 80.00, quote 15.00, expected 95.00, paid 50.00 (partial, 45.00 short). One failed
 *       attempt; delivered 03-04 12:00 local, a day late. Invoice 15.00 + 5.00 fee - 5.00 discount = 15.00.</li>
 *   <li>C: items 30.00, quote 10.00, paid 40.00, damaged (EXCEPTION) then delivered; no invoice.</li>
 *   <li>D: items 50.00, quote 10.00, paid 60.00, invoice 10.00, every posting acknowledged by the ERP.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceScenarioTest extends LedgerIntegrationTest {

    @Autowired
    ProjectionAdmin projections;

    private WebTestClient tenant;
    private String orderA;
    private String orderB;
    private String orderC;
    private String orderD;
    private String shipmentA;
    private String shipmentB;
    private String shipmentC;
    private String trackingA;

    @BeforeAll
    void script() {
        tenant = clientFor(SAO_PAULO_TENANT, Role.PROCESS, Role.FINANCE, Role.AUDITOR, Role.ADMIN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        trackingA = "TA-" + run;

        orderA = release("A-" + run, "[{\"sku\":\"A1\",\"quantity\":2,\"unitPrice\":49.90},"
                + "{\"sku\":\"A2\",\"quantity\":1,\"unitPrice\":120.00}]", "2026-03-03", "2026-03-01T09:00:00Z");
        shipmentA = createShipment(orderA, "2026-03-01T10:00:00Z");
        tender(shipmentA, trackingA, "UPS", "2026-03-01T10:30:00Z");
        quote(shipmentA, "Q-A", "[{\"type\":\"BASE_FREIGHT\",\"amount\":25.00},"
                + "{\"type\":\"FUEL_SURCHARGE\",\"amount\":3.50}]");
        pay(orderA, "P-A1", "CARD", "248.30", 3);
        milestone(shipmentA, "PICKED_UP", "2026-03-01T14:00:00Z", "a1", 201);
        milestone(shipmentA, "IN_TRANSIT", "2026-03-02T08:00:00Z", "a2", 201);
        milestone(shipmentA, "IN_TRANSIT", "2026-03-02T08:00:00Z", "a2", 200);
        post(tenant, "/api/v1/shipments/" + shipmentA + "/milestones", """
                {"code":"DELIVERED","occurredAt":"2026-03-04T01:30:00Z","sourceEventId":"a4",
                 "proofOfDelivery":{"signer":"Ana Souza","photoReference":"pod/a4.jpg","place":"RECIPIENT"}}""", 201);
        JsonNode late = milestone(shipmentA, "OUT_FOR_DELIVERY", "2026-03-03T12:00:00Z", "a3", 201);
        assertThat(late.path("outcome").asText()).isEqualTo("RECORDED_LATE");
        invoice(shipmentA, "ups", "INV-A", "[{\"type\":\"BASE_FREIGHT\",\"amount\":25.00},"
                + "{\"type\":\"FUEL_SURCHARGE\",\"amount\":4.10},"
                + "{\"type\":\"ACCESSORIAL_SURCHARGE\",\"rawCode\":\"RES\",\"amount\":6.00}]", "2026-03-05T12:00:00Z");

        orderB = release("B-" + run, "[{\"sku\":\"B1\",\"quantity\":1,\"unitPrice\":80.00}]", "2026-03-03",
                "2026-03-01T09:00:00Z");
        shipmentB = createShipment(orderB, "2026-03-01T11:00:00Z");
        tender(shipmentB, "TB-" + run, "UPS", "2026-03-01T11:30:00Z");
        quote(shipmentB, "Q-B", "[{\"type\":\"BASE_FREIGHT\",\"amount\":15.00}]");
        pay(orderB, "P-B1", "INSTANT_PAYMENT", "50.00", 1);
        post(tenant, "/api/v1/shipments/" + shipmentB + "/milestones", """
                {"code":"PICKED_UP","occurredAt":"2026-03-01T15:00:00Z","sourceEventId":"b1",
                 "estimatedDelivery":"2026-03-03T18:00:00Z"}""", 201);
        post(tenant, "/api/v1/shipments/" + shipmentB + "/milestones", """
                {"code":"DELIVERY_ATTEMPT_FAILED","occurredAt":"2026-03-03T14:00:00Z","sourceEventId":"b2",
                 "reason":"RECIPIENT_NOT_AVAILABLE","attemptNumber":1}""", 201);
        milestone(shipmentB, "DELIVERED", "2026-03-04T15:00:00Z", "b3", 201);
        invoice(shipmentB, "ups", "INV-B", "[{\"type\":\"BASE_FREIGHT\",\"amount\":15.00},"
                + "{\"type\":\"FAILED_ATTEMPT_FEE\",\"amount\":5.00},"
                + "{\"type\":\"DISCOUNT\",\"amount\":-5.00}]", "2026-03-05T12:00:00Z");

        orderC = release("C-" + run, "[{\"sku\":\"C1\",\"quantity\":1,\"unitPrice\":30.00}]", "2026-03-05",
                "2026-03-02T08:00:00Z");
        shipmentC = createShipment(orderC, "2026-03-02T10:00:00Z");
        tender(shipmentC, "TC-" + run, "Correios", "2026-03-02T10:30:00Z");
        quote(shipmentC, "Q-C", "[{\"type\":\"BASE_FREIGHT\",\"amount\":10.00}]");
        pay(orderC, "P-C1", "CARD", "40.00", 1);
        milestone(shipmentC, "PICKED_UP", "2026-03-02T12:00:00Z", "c1", 201);
        post(tenant, "/api/v1/shipments/" + shipmentC + "/milestones", """
                {"code":"EXCEPTION","occurredAt":"2026-03-03T10:00:00Z","sourceEventId":"c2","reason":"DAMAGED"}""",
                201);
        milestone(shipmentC, "DELIVERED", "2026-03-04T18:00:00Z", "c3", 201);
        JsonNode conflict = milestone(shipmentC, "IN_TRANSIT", "2026-03-05T10:00:00Z", "c4", 201);
        assertThat(conflict.path("outcome").asText()).isEqualTo("RECORDED_CONFLICT");

        orderD = release("D-" + run, "[{\"sku\":\"D1\",\"quantity\":1,\"unitPrice\":50.00}]", "2026-03-05",
                "2026-03-02T08:00:00Z");
        String shipmentD = createShipment(orderD, "2026-03-02T10:00:00Z");
        tender(shipmentD, "TD-" + run, "Correios", "2026-03-02T10:30:00Z");
        quote(shipmentD, "Q-D", "[{\"type\":\"BASE_FREIGHT\",\"amount\":10.00}]");
        pay(orderD, "P-D1", "BANK_SLIP", "60.00", 1);
        milestone(shipmentD, "PICKED_UP", "2026-03-02T12:00:00Z", "d1", 201);
        milestone(shipmentD, "DELIVERED", "2026-03-03T20:00:00Z", "d2", 201);
        invoice(shipmentD, "correios", "INV-D", "[{\"type\":\"BASE_FREIGHT\",\"amount\":10.00}]",
                "2026-03-06T12:00:00Z");

        awaitCaughtUp(projections);
    }

    @Test
    @Order(1)
    void visibilityShowsDeliveredShipmentWithLateMilestone() {
        JsonNode shipment = get(tenant, "/api/v1/shipments/" + shipmentA);

        assertThat(shipment.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(shipment.path("statusSince").asText()).isEqualTo("2026-03-04T01:30:00Z");
        assertThat(shipment.path("lastMilestone").path("code").asText()).isEqualTo("DELIVERED");
        assertThat(shipment.path("lastMilestone").path("occurredAt").asText()).isEqualTo("2026-03-04T01:30:00Z");
        assertThat(shipment.path("milestoneCount").asInt()).isEqualTo(4);
        assertThat(shipment.path("failedAttempts").asInt()).isZero();
        assertThat(shipment.path("exception").asBoolean()).isFalse();
        assertThat(shipment.path("conflict").asBoolean()).isFalse();
        assertThat(shipment.path("providerId").asText()).isEqualTo("sandbox");
        assertThat(shipment.path("carrier").asText()).isEqualTo("UPS");
        assertThat(shipment.path("trackingNumber").asText()).isEqualTo(trackingA);
        assertThat(texts(shipment.path("timeline"), "kind"))
                .containsExactly("CREATED", "TENDERED", "MILESTONE", "MILESTONE", "MILESTONE", "MILESTONE");
        assertThat(texts(shipment.path("timeline"), "code"))
                .containsExactly("", "", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        JsonNode lateEntry = shipment.path("timeline").get(4);
        assertThat(lateEntry.path("late").asBoolean()).isTrue();
        assertThat(lateEntry.path("statusAfter").asText()).isEqualTo("DELIVERED");
    }

    @Test
    @Order(2)
    void visibilityCountsFailedAttemptsAndExceptions() {
        JsonNode shipmentWithAttempt = get(tenant, "/api/v1/shipments/" + shipmentB);
        JsonNode damaged = get(tenant, "/api/v1/shipments/" + shipmentC);

        assertThat(shipmentWithAttempt.path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(shipmentWithAttempt.path("exception").asBoolean()).isFalse();
        assertThat(shipmentWithAttempt.path("eta").asText()).isEqualTo("2026-03-03T18:00:00Z");
        assertThat(damaged.path("exception").asBoolean()).isTrue();
        assertThat(damaged.path("exceptionReason").asText()).isEqualTo("DAMAGED");
        assertThat(damaged.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(damaged.path("conflict").asBoolean()).isTrue();
        assertThat(damaged.path("conflictReason").asText()).contains("IN_TRANSIT");
        assertThat(damaged.path("lastMilestone").path("code").asText()).isEqualTo("IN_TRANSIT");
    }

    @Test
    @Order(3)
    void visibilityAnswersByOrderAndTracking() {
        JsonNode byOrder = get(tenant, "/api/v1/orders/" + orderA + "/shipments");
        JsonNode byTracking = get(tenant, "/api/v1/shipments/by-tracking?trackingNumber=" + trackingA + "&carrier=ups");
        JsonNode otherCarrier = get(tenant, "/api/v1/shipments/by-tracking?trackingNumber=" + trackingA
                + "&carrier=dhl");

        assertThat(texts(byOrder.path("shipments"), "shipmentId")).containsExactly(shipmentA);
        assertThat(texts(byTracking.path("shipments"), "shipmentId")).containsExactly(shipmentA);
        assertThat(byTracking.path("shipments").get(0).path("timeline").size()).isEqualTo(6);
        assertThat(otherCarrier.path("shipments").size()).isZero();
    }

    @Test
    @Order(4)
    void visibilityListPagesWithCursor() {
        JsonNode first = get(tenant, "/api/v1/shipments?status=DELIVERED&carrier=ups&limit=1");
        String cursor = first.path("nextCursor").asText();
        JsonNode second = get(tenant, "/api/v1/shipments?status=DELIVERED&carrier=ups&limit=1&cursor=" + cursor);
        JsonNode none = get(tenant, "/api/v1/shipments?carrier=ups&updatedSince=2999-01-01T00:00:00Z");

        List<String> seen = new ArrayList<>(texts(first.path("items"), "shipmentId"));
        seen.addAll(texts(second.path("items"), "shipmentId"));
        assertThat(seen).containsExactlyInAnyOrder(shipmentA, shipmentB);
        assertThat(second.path("nextCursor").isNull() || second.path("nextCursor").isMissingNode()).isTrue();
        assertThat(none.path("items").size()).isZero();
    }

    @Test
    @Order(5)
    void journalEntriesBalanceForEachFinancialEvent() {
        JsonNode journal = get(tenant, "/api/v1/orders/" + orderA + "/journal");

        assertThat(texts(journal.path("entries"), "kind"))
                .containsExactly("ORDER_RECEIVABLE", "CUSTOMER_PAYMENT", "CARRIER_INVOICE");
        assertThat(amounts(journal.path("entries"), "amount"))
                .containsExactly(new BigDecimal("219.80"), new BigDecimal("248.30"), new BigDecimal("35.10"));
        JsonNode invoice = journal.path("entries").get(2);
        assertThat(texts(invoice.path("lines"), "account")).containsExactly("5000", "5010", "5020", "2100");
        assertThat(amounts(invoice.path("lines"), "debit")).containsExactly(new BigDecimal("25.00"),
                new BigDecimal("4.10"), new BigDecimal("6.00"), new BigDecimal("0.00"));
        assertThat(amounts(invoice.path("lines"), "credit").get(3)).isEqualByComparingTo("35.10");
        for (JsonNode entry : journal.path("entries")) {
            assertThat(sum(amounts(entry.path("lines"), "debit"))).isEqualByComparingTo(sum(amounts(entry.path("lines"),
                    "credit")));
        }
    }

    @Test
    @Order(6)
    void discountIsBookedAsCredit() {
        JsonNode journal = get(tenant, "/api/v1/orders/" + orderB + "/journal");

        JsonNode invoice = journal.path("entries").get(2);
        assertThat(texts(invoice.path("lines"), "account")).containsExactly("5000", "5030", "5090", "2100");
        assertThat(amounts(invoice.path("lines"), "debit")).containsExactly(new BigDecimal("15.00"),
                new BigDecimal("5.00"), new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(amounts(invoice.path("lines"), "credit")).containsExactly(new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("5.00"), new BigDecimal("15.00"));
    }

    @Test
    @Order(7)
    void trialBalanceOfTenantBalances() {
        JsonNode balance = get(tenant, "/api/v1/journal/trial-balance");

        BigDecimal debits = sum(amounts(balance.path("accounts"), "debit"));
        BigDecimal credits = sum(amounts(balance.path("accounts"), "credit"));
        // Receivables 219.80 + 80.00 + 30.00 + 50.00, payments 248.30 + 50.00 + 40.00 + 60.00,
        // invoices 35.10 + 20.00 + 10.00 on the debit side (the B discount is a credit).
        assertThat(debits).isEqualByComparingTo("843.20");
        assertThat(credits).isEqualByComparingTo(debits);
    }

    @Test
    @Order(8)
    void postingFeedListsOrderPostingsInOrder() {
        JsonNode postings = get(tenant, "/api/v1/orders/" + orderA + "/postings");

        assertThat(texts(postings.path("postings"), "type")).containsExactly("SHIPMENT_TENDERED",
                "CUSTOMER_PAYMENT", "STATUS_CHANGE", "STATUS_CHANGE", "PROOF_OF_DELIVERY", "CARRIER_INVOICE");
        assertThat(postings.path("postings").get(1).path("amount").decimalValue()).isEqualByComparingTo("248.30");
        assertThat(postings.path("postings").get(3).path("document").path("details").path("status").asText())
                .isEqualTo("DELIVERED");
        assertThat(postings.path("postings").get(0).path("erpOrderNumber").asText()).startsWith("A-");
        assertThat(texts(postings.path("postings"), "state")).containsOnly("PENDING");
    }

    @Test
    @Order(9)
    void pullFeedAcknowledgesPostings() {
        JsonNode page = get(tenant, "/api/v1/erp/postings?limit=1000");
        List<String> orderDPostings = new ArrayList<>();
        for (JsonNode posting : page.path("items")) {
            if (posting.path("orderId").asText().equals(orderD)) {
                orderDPostings.add(posting.path("postingId").asText());
            }
        }
        JsonNode before = get(tenant, "/api/v1/reconciliation/orders/" + orderD);

        for (String postingId : orderDPostings) {
            post(tenant, "/api/v1/erp/postings/" + postingId + "/acknowledgement",
                    "{\"erpDocumentNumber\":\"DOC-" + postingId.substring(0, 8) + "\"}", 201);
        }
        String first = orderDPostings.get(0);
        post(tenant, "/api/v1/erp/postings/" + first + "/acknowledgement",
                "{\"erpDocumentNumber\":\"DOC-" + first.substring(0, 8) + "\"}", 200);
        JsonNode conflict = post(tenant, "/api/v1/erp/postings/" + first + "/acknowledgement",
                "{\"erpDocumentNumber\":\"OTHER\"}", 409);
        JsonNode after = get(tenant, "/api/v1/reconciliation/orders/" + orderD);
        JsonNode posting = get(tenant, "/api/v1/erp/postings/" + first);

        assertThat(orderDPostings).hasSize(5);
        assertThat(before.path("category").asText()).isEqualTo("NOT_POSTED");
        assertThat(before.path("postingsConfirmed").asInt()).isZero();
        assertThat(conflict.path("field").asText()).isEqualTo("erpDocumentNumber");
        assertThat(after.path("category").asText()).isEqualTo("MATCHED");
        assertThat(after.path("postings").asInt()).isEqualTo(5);
        assertThat(after.path("postingsConfirmed").asInt()).isEqualTo(5);
        assertThat(after.path("postedPayments").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(after.path("ageDays").isMissingNode() || after.path("ageDays").isNull()).isTrue();
        assertThat(posting.path("state").asText()).isEqualTo("POSTED");
        assertThat(posting.path("channel").asText()).isEqualTo("PULL");
        assertThat(posting.path("erpDocumentNumber").asText()).isEqualTo("DOC-" + first.substring(0, 8));
    }

    @Test
    @Order(10)
    void reconciliationShowsCarrierOvercharge() {
        JsonNode order = get(tenant, "/api/v1/reconciliation/orders/" + orderA);

        assertThat(order.path("itemsAmount").decimalValue()).isEqualByComparingTo("219.80");
        assertThat(order.path("expectedFreight").decimalValue()).isEqualByComparingTo("28.50");
        assertThat(order.path("expected").decimalValue()).isEqualByComparingTo("248.30");
        assertThat(order.path("paid").decimalValue()).isEqualByComparingTo("248.30");
        assertThat(order.path("customerDifference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(order.path("carrierExpected").decimalValue()).isEqualByComparingTo("28.50");
        assertThat(order.path("carrierCharged").decimalValue()).isEqualByComparingTo("35.10");
        assertThat(order.path("carrierDifference").decimalValue()).isEqualByComparingTo("6.60");
        assertThat(order.path("category").asText()).isEqualTo("CARRIER_OVERCHARGE");
        assertThat(texts(order.path("categories"))).containsExactly("CARRIER_OVERCHARGE", "NOT_POSTED");
        assertThat(order.path("mismatchSince").asText()).isEqualTo("2026-03-05T12:00:00Z");
    }

    @Test
    @Order(11)
    void reconciliationShowsPartialPaymentWithAge() {
        Instant before = Instant.now();
        JsonNode order = get(tenant, "/api/v1/reconciliation/orders/" + orderB);
        Instant after = Instant.now();

        Instant released = Instant.parse("2026-03-01T09:00:00Z");
        assertThat(order.path("expected").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(order.path("paid").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(order.path("customerDifference").decimalValue()).isEqualByComparingTo("-45.00");
        assertThat(order.path("carrierDifference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(order.path("category").asText()).isEqualTo("UNDERPAID");
        assertThat(order.path("mismatchSince").asText()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(order.path("ageDays").asLong()).isBetween(Duration.between(released, before).toDays(),
                Duration.between(released, after).toDays());
    }

    @Test
    @Order(12)
    void reconciliationShowsMissingInvoice() {
        JsonNode order = get(tenant, "/api/v1/reconciliation/orders/" + orderC);

        assertThat(order.path("expected").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(order.path("paid").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(order.path("category").asText()).isEqualTo("MISSING_INVOICE");
        assertThat(order.path("shipmentsMissingInvoice").asInt()).isEqualTo(1);
        assertThat(order.path("mismatchSince").asText()).isEqualTo("2026-03-04T18:00:00Z");
    }

    @Test
    @Order(13)
    void mismatchListPagesOldestFirst() {
        JsonNode first = get(tenant, "/api/v1/reconciliation/mismatches?limit=2");
        JsonNode second = get(tenant, "/api/v1/reconciliation/mismatches?limit=2&cursor="
                + first.path("nextCursor").asText());
        JsonNode underpaid = get(tenant, "/api/v1/reconciliation/mismatches?category=UNDERPAID");

        assertThat(texts(first.path("items"), "orderId")).containsExactly(orderB, orderC);
        assertThat(texts(second.path("items"), "orderId")).containsExactly(orderA);
        assertThat(second.path("nextCursor").isMissingNode() || second.path("nextCursor").isNull()).isTrue();
        assertThat(texts(underpaid.path("items"), "orderId")).containsExactly(orderB);
    }

    @Test
    @Order(14)
    void carrierDaySummaryInTenantZone() {
        JsonNode summary = get(tenant, "/api/v1/reconciliation/carrier-days?from=2026-03-01&to=2026-03-31");

        assertThat(summary.path("timeZone").asText()).isEqualTo("America/Sao_Paulo");
        assertThat(summary.path("days").size()).isEqualTo(2);
        JsonNode ups = summary.path("days").get(0);
        assertThat(ups.path("carrier").asText()).isEqualTo("ups");
        assertThat(ups.path("day").asText()).isEqualTo("2026-03-01");
        assertThat(ups.path("shipments").asInt()).isEqualTo(2);
        assertThat(ups.path("expectedFreight").decimalValue()).isEqualByComparingTo("43.50");
        assertThat(ups.path("invoiced").decimalValue()).isEqualByComparingTo("50.10");
        assertThat(ups.path("difference").decimalValue()).isEqualByComparingTo("6.60");
        assertThat(ups.path("overchargedShipments").asInt()).isEqualTo(1);
        assertThat(ups.path("missingInvoices").asInt()).isZero();
        JsonNode correios = summary.path("days").get(1);
        assertThat(correios.path("carrier").asText()).isEqualTo("correios");
        assertThat(correios.path("day").asText()).isEqualTo("2026-03-02");
        assertThat(correios.path("invoicedShipments").asInt()).isEqualTo(1);
        assertThat(correios.path("expectedFreight").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(correios.path("invoiced").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(correios.path("difference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(correios.path("missingInvoices").asInt()).isEqualTo(1);
    }

    @Test
    @Order(15)
    void kpisPerCarrierRegionAndDay() {
        JsonNode kpis = get(tenant, "/api/v1/kpis?from=2026-03-01&to=2026-03-31");

        assertThat(kpis.path("rows").size()).isEqualTo(2);
        JsonNode ups = kpis.path("rows").get(0);
        assertThat(ups.path("carrier").asText()).isEqualTo("ups");
        assertThat(ups.path("region").asText()).isEqualTo("BR-SP");
        assertThat(ups.path("day").asText()).isEqualTo("2026-03-01");
        assertThat(ups.path("shipments").asInt()).isEqualTo(2);
        assertThat(ups.path("delivered").asInt()).isEqualTo(2);
        assertThat(ups.path("onTime").asInt()).isEqualTo(1);
        assertThat(ups.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(ups.path("failedAttemptRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(ups.path("exceptionRate").decimalValue()).isEqualByComparingTo("0");
        // Release to delivery: A 64.5 h, B 78 h; p50 = 71.25, p90 = 64.5 + 0.9 * 13.5 = 76.65.
        assertThat(ups.path("cycleTimeP50Hours").decimalValue()).isEqualByComparingTo("71.25");
        assertThat(ups.path("cycleTimeP90Hours").decimalValue()).isEqualByComparingTo("76.65");
        JsonNode correios = kpis.path("rows").get(1);
        assertThat(correios.path("day").asText()).isEqualTo("2026-03-02");
        assertThat(correios.path("onTimeRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(correios.path("failedAttemptRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(correios.path("exceptionRate").decimalValue()).isEqualByComparingTo("0.5");
        // C 58 h, D 36 h; p50 = 47, p90 = 36 + 0.9 * 22 = 55.8.
        assertThat(correios.path("cycleTimeP50Hours").decimalValue()).isEqualByComparingTo("47.00");
        assertThat(correios.path("cycleTimeP90Hours").decimalValue()).isEqualByComparingTo("55.80");
    }

    @Test
    @Order(16)
    void kpisOfCarrierFilter() {
        JsonNode kpis = get(tenant, "/api/v1/kpis?from=2026-03-01&to=2026-03-31&carrier=Correios");

        assertThat(texts(kpis.path("rows"), "carrier")).containsExactly("correios");
    }

    @Test
    @Order(17)
    void otherTenantSeesNothing() {
        tenant.get().uri("/api/v1/shipments/" + shipmentA).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/shipments/" + shipmentA).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/reconciliation/orders/" + orderA).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/orders/" + orderA + "/journal").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/orders/" + orderA + "/postings").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(18)
    void badQueryParametersAreProblems() {
        JsonNode limit = read(tenant.get().uri("/api/v1/shipments?limit=5000").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());
        JsonNode cursor = read(tenant.get().uri("/api/v1/erp/postings?after=not-a-cursor").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());
        JsonNode range = read(tenant.get().uri("/api/v1/kpis?from=2026-03-05&to=2026-03-01").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());
        JsonNode status = read(tenant.get().uri("/api/v1/shipments?status=LOST").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody());

        assertThat(limit.path("field").asText()).isEqualTo("limit");
        assertThat(limit.path("fix").asText()).contains("1 to 500");
        assertThat(cursor.path("field").asText()).isEqualTo("cursor");
        assertThat(range.path("field").asText()).isEqualTo("to");
        assertThat(status.path("field").asText()).isEqualTo("status");
    }

    @Test
    @Order(19)
    void pullFeedPagesWithCursor() {
        JsonNode all = get(tenant, "/api/v1/erp/postings?limit=1000");
        List<String> paged = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 100; page++) {
            JsonNode next = get(tenant, "/api/v1/erp/postings?limit=7&after=" + cursor);
            if (next.path("items").isEmpty()) {
                assertThat(next.path("nextCursor").asText()).isEqualTo(cursor);
                break;
            }
            paged.addAll(texts(next.path("items"), "postingId"));
            cursor = next.path("nextCursor").asText();
        }

        // A: 6 postings, B: 6 (tender, payment, pick-up, failed attempt, delivery, invoice), C: 5, D: 5.
        assertThat(all.path("items").size()).isEqualTo(22);
        assertThat(paged).isEqualTo(texts(all.path("items"), "postingId"));
    }

    @Test
    @Order(20)
    void moneyCommandsAreValidated() {
        JsonNode currency = post(tenant, "/api/v1/orders/" + orderA + "/payments", """
                {"paymentReference":"P-X","method":"CARD","amount":1.00,"currency":"EUR"}""", 400);
        JsonNode installments = post(tenant, "/api/v1/orders/" + orderA + "/payments", """
                {"paymentReference":"P-X","method":"CARD","amount":1.00,"currency":"BRL","installments":0}""", 400);
        JsonNode changed = post(tenant, "/api/v1/orders/" + orderB + "/payments", """
                {"paymentReference":"P-B1","method":"INSTANT_PAYMENT","amount":55.00,"currency":"BRL",
                 "occurredAt":"2026-03-01T09:05:00Z"}""", 409);
        JsonNode unknownOrder = post(tenant, "/api/v1/orders/" + UUID.randomUUID() + "/payments", """
                {"paymentReference":"P-X","method":"CARD","amount":1.00,"currency":"BRL"}""", 404);
        JsonNode noCarrier = post(tenant, "/api/v1/shipments/" + shipmentA + "/carrier-invoices", """
                {"invoiceReference":"INV-X","currency":"BRL","lines":[{"type":"BASE_FREIGHT","amount":1.00}]}""",
                400);
        JsonNode positiveDiscount = post(tenant, "/api/v1/shipments/" + shipmentA + "/expected-charges", """
                {"quoteReference":"Q-X","currency":"BRL","lines":[{"type":"DISCOUNT","amount":2.00}]}""", 400);
        JsonNode foreignShipment = post(http, "/api/v1/shipments/" + shipmentA + "/expected-charges", """
                {"quoteReference":"Q-X","currency":"BRL","lines":[{"type":"BASE_FREIGHT","amount":2.00}]}""", 404);

        assertThat(currency.path("field").asText()).isEqualTo("currency");
        assertThat(currency.path("value").asText()).isEqualTo("EUR");
        assertThat(currency.path("fix").asText()).contains("BRL");
        assertThat(installments.path("field").asText()).isEqualTo("installments");
        assertThat(changed.path("field").asText()).isEqualTo("paymentReference");
        assertThat(unknownOrder.path("field").asText()).isEqualTo("orderId");
        assertThat(noCarrier.path("field").asText()).isEqualTo("carrierId");
        assertThat(positiveDiscount.path("field").asText()).isEqualTo("lines[0].amount");
        assertThat(foreignShipment.path("field").asText()).isEqualTo("shipmentId");
    }

    private static JsonNode read(String body) {
        return io.waybill.gateway.support.ReadModels.read(body);
    }

    private String release(String erpOrderNumber, String lines, String promisedDate, String releasedAt) {
        JsonNode created = post(tenant, "/api/v1/orders", """
                {"erpOrderNumber":"%s","customerReference":"CUST-1",
                 "shipTo":{"name":"Ana Souza","line1":"Rua Augusta 100","postalCode":"01304-000",
                           "city":"Sao Paulo","region":"SP","countryCode":"BR"},
                 "currency":"BRL","lines":%s,"promisedDelivery":{"latestDate":"%s"},
                 "serviceLevel":"STANDARD","releasedAt":"%s"}""".formatted(erpOrderNumber, lines, promisedDate,
                releasedAt), 201);
        return created.path("orderId").asText();
    }

    private String createShipment(String orderId, String occurredAt) {
        return post(tenant, "/api/v1/orders/" + orderId + "/shipments",
                "{\"shipmentNumber\":\"1\",\"occurredAt\":\"" + occurredAt + "\"}", 201).path("shipmentId").asText();
    }

    private void tender(String shipmentId, String trackingNumber, String carrier, String occurredAt) {
        post(tenant, "/api/v1/shipments/" + shipmentId + "/tender", """
                {"providerId":"sandbox","providerShipmentId":"SBX-%1$s","trackingNumber":"%1$s","carrier":"%2$s",
                 "occurredAt":"%3$s"}""".formatted(trackingNumber, carrier, occurredAt), 200);
    }

    private void quote(String shipmentId, String reference, String lines) {
        post(tenant, "/api/v1/shipments/" + shipmentId + "/expected-charges", """
                {"quoteReference":"%s","currency":"BRL","lines":%s,"occurredAt":"2026-03-01T10:40:00Z"}"""
                .formatted(reference, lines), 201);
    }

    private void invoice(String shipmentId, String carrierId, String reference, String lines, String occurredAt) {
        String body = """
                {"carrierId":"%s","invoiceReference":"%s","currency":"BRL","lines":%s,"occurredAt":"%s"}"""
                .formatted(carrierId, reference, lines, occurredAt);
        post(tenant, "/api/v1/shipments/" + shipmentId + "/carrier-invoices", body, 201);
        JsonNode repeat = post(tenant, "/api/v1/shipments/" + shipmentId + "/carrier-invoices", body, 200);
        assertThat(repeat.path("recorded").asBoolean()).isFalse();
    }

    private void pay(String orderId, String reference, String method, String amount, int installments) {
        String body = """
                {"paymentReference":"%s","method":"%s","amount":%s,"currency":"BRL","installments":%d,
                 "occurredAt":"2026-03-01T09:05:00Z"}""".formatted(reference, method, amount, installments);
        post(tenant, "/api/v1/orders/" + orderId + "/payments", body, 201);
        post(tenant, "/api/v1/orders/" + orderId + "/payments", body, 200);
    }

    private JsonNode milestone(String shipmentId, String code, String occurredAt, String sourceEventId, int status) {
        return post(tenant, "/api/v1/shipments/" + shipmentId + "/milestones", """
                {"code":"%s","occurredAt":"%s","sourceEventId":"%s"}""".formatted(code, occurredAt, sourceEventId),
                status);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<BigDecimal> amounts(JsonNode array, String field) {
        List<BigDecimal> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).decimalValue()));
        return values;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
