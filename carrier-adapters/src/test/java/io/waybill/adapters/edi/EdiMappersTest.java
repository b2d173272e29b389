package io.waybill.adapters.edi;

import static io.waybill.adapters.MappedAssertionsAccess.codes;
import static io.waybill.adapters.MappedAssertionsAccess.last;
import static io.waybill.adapters.MappedAssertionsAccess.sourceEventIds;
import static io.waybill.shipment.api.MilestoneCode.AVAILABLE_FOR_PICKUP;
import static io.waybill.shipment.api.MilestoneCode.CANCELLED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERY_ATTEMPT_FAILED;
import static io.waybill.shipment.api.MilestoneCode.EXCEPTION;
import static io.waybill.shipment.api.MilestoneCode.IN_TRANSIT;
import static io.waybill.shipment.api.MilestoneCode.PICKED_UP;
import static io.waybill.shipment.api.MilestoneCode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerInvoice;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.SharedData;
import io.waybill.adapters.TimeBasis;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import io.waybill.shipment.api.ReasonCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdiMappersTest {

    @Test
    void x12StatusWithEllipsisTerminator() {
        MappedDocument document = X12Mapper.map(SharedData.read("staedi/x12_214_ellipsis_terminator.edi"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP);
        PartnerMilestone estimate = document.milestones().get(0);
        assertThat(estimate.rawCode()).isEqualTo("AG");
        assertThat(estimate.estimatedDelivery()).as("11:59 ET on 2020-09-11").hasToString("2020-09-11T15:59:00Z");
        PartnerMilestone pickedUp = last(document);
        assertThat(pickedUp.occurredAt()).hasToString("2020-09-10T15:35:00Z");
        assertThat(pickedUp.carrier()).isEqualTo("xxxx");
        assertThat(pickedUp.trackingNumber()).isEqualTo("0542550913");
        assertThat(pickedUp.partnerReferences()).containsExactly("7727019", "900169");
    }

    @Test
    void x12StatusWithCoordinates() {
        MappedDocument document = X12Mapper.map(SharedData.read("edifabric/x12_214_shipment_status.txt"));

        PartnerMilestone arrived = last(document);
        assertThat(arrived.rawCode()).isEqualTo("X3");
        assertThat(arrived.occurredAt()).as("08:30 central time").hasToString("1997-09-25T13:30:00Z");
        assertThat(arrived.location().point().latitude()).isEqualByComparingTo("43.31000");
        assertThat(arrived.location().point().longitude()).isEqualByComparingTo("-91.79056");
        assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("CONTROL_COUNT"));
    }

    @Test
    void x12DrayageWithDollarTerminator() {
        MappedDocument document = X12Mapper.map(SharedData.read("aws-b2b/x12_214_drayage_multi.edi"));

        assertThat(document.milestones()).hasSize(8);
        PartnerMilestone first = document.milestones().get(0);
        assertThat(first.trackingNumber()).isEqualTo("MSKU1180577");
        assertThat(first.carrier()).isEqualTo("rkne");
        assertThat(first.occurredAt()).as("02:02 Pacific time as the file says").hasToString("2022-09-20T09:02:00Z");
        assertThat(first.time().basis()).isEqualTo(TimeBasis.ZONE_GIVEN);
        assertThat(document.milestones()).allSatisfy(m -> {
            assertThat(m.code()).isEqualTo(UNKNOWN);
            assertThat(m.codeMapped()).as("LY and RD have no mapping").isFalse();
        });
    }

    @Test
    void x12CanadaPostStatuses() {
        MappedDocument document = X12Mapper.map(SharedData.read("omniparser/x12_214_canadapost.edi"));

        assertThat(document.milestones()).hasSize(19);
        assertThat(codes(document)).contains(DELIVERED, DELIVERY_ATTEMPT_FAILED, CANCELLED, PICKED_UP);
        PartnerMilestone attempt = document.milestones().get(1);
        assertThat(attempt.code()).isEqualTo(DELIVERY_ATTEMPT_FAILED);
        assertThat(attempt.reason()).isEqualTo(ReasonCode.RECIPIENT_NOT_AVAILABLE);
        assertThat(attempt.occurredAt()).as("16:25 Pacific").hasToString("2019-11-02T23:25:00Z");
        PartnerMilestone noTimeCode = document.milestones().get(0);
        assertThat(noTimeCode.time().basis()).as("AT7 without time code takes Ontario's zone")
                .isEqualTo(TimeBasis.LOCATION_ZONE);
        assertThat(noTimeCode.occurredAt()).hasToString("2019-11-03T20:34:00Z");
        PartnerMilestone cancelled = document.milestones().get(2);
        assertThat(cancelled.rawReason()).isEqualTo("BT");
        assertThat(cancelled.reasonMapped()).isFalse();
        assertThat(document.milestones()).allSatisfy(m -> assertThat(m.carrier()).isEqualTo("canadapost"));
    }

    @Test
    void x12StatusRedeliveryAndReorderKeepIds() {
        String body = SharedData.read("omniparser/x12_214_canadapost.edi");
        String reordered = reorderTransactions(body);

        assertThat(sourceEventIds(X12Mapper.map(body))).isEqualTo(sourceEventIds(X12Mapper.map(body)))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sourceEventIds(X12Mapper.map(reordered)));
    }

    @Test
    void x12InvoiceEdiNet() {
        MappedDocument document = X12Mapper.map(SharedData.read("edi-net/x12_210_freight_invoice.edi"));

        PartnerInvoice invoice = document.invoices().get(0);
        assertThat(invoice.invoiceReference()).isEqualTo("09851270");
        assertThat(invoice.trackingNumber()).isEqualTo("75027674");
        assertThat(invoice.carrier()).isEqualTo("scac");
        assertThat(invoice.lines()).extracting(ChargeLine::type).containsExactly(ChargeType.BASE_FREIGHT,
                ChargeType.ACCESSORIAL_SURCHARGE, ChargeType.FUEL_SURCHARGE, ChargeType.DISCOUNT);
        assertThat(total(invoice)).isEqualByComparingTo("659.40");
        assertThat(invoice.lines().get(0).amount().amount()).isEqualByComparingTo("3636.04");
        assertThat(invoice.invoicedAt()).hasToString("2016-07-07T00:00:00Z");
    }

    @Test
    void x12InvoiceEdiFabric() {
        MappedDocument document = X12Mapper.map(SharedData.read("edifabric/x12_210_freight_invoice.txt"));

        PartnerInvoice invoice = document.invoices().get(0);
        assertThat(invoice.invoiceReference()).isEqualTo("3410889");
        assertThat(invoice.trackingNumber()).isEqualTo("545930791T");
        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.type()).isEqualTo(ChargeType.BASE_FREIGHT);
            assertThat(line.amount().toString()).isEqualTo("51.65 USD");
        });
    }

    @Test
    void x12InvoiceUpsPerPackage() {
        MappedDocument document = X12Mapper.map(SharedData.read("omniparser/x12_210_ups_invoice.edi"));

        PartnerInvoice first = document.invoices().get(0);
        assertThat(first.trackingNumber()).isEqualTo("1Z1808WW0473048017");
        assertThat(first.invoiceReference()).isEqualTo("0000001808WW308");
        assertThat(first.lines()).as("both LX loops of the package").hasSize(6);
        assertThat(total(first)).as("155.14 charged, then credited in full").isEqualByComparingTo("0.00");
        assertThat(first.lines()).filteredOn(line -> line.amount().isNegative())
                .allSatisfy(line -> assertThat(line.type()).isEqualTo(ChargeType.DISCOUNT));
        assertThat(document.invoices()).extracting(PartnerInvoice::carrier).containsOnly("ups");
        assertThat(document.invoices()).anySatisfy(invoice ->
                assertThat(invoice.lines().get(0).amount().currency().getCurrencyCode()).isEqualTo("CAD"));
        assertThat(document.problems()).extracting(EntryProblem::type).containsOnly("unallocated-charges");
        assertThat(document.problems().get(0).detail()).contains("17.00 USD");
    }

    @Test
    void x12InvoiceWithWrongTotalIsRejected() {
        String body = SharedData.read("edi-net/x12_210_freight_invoice.edi").replace("L3*7889*G***65940", "L3*7889*G***65941");

        MappedDocument document = X12Mapper.map(body);

        assertThat(document.invoices()).isEmpty();
        assertThat(document.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.position()).isEqualTo("segment 32 (L3, line 30)");
            assertThat(problem.detail()).contains("659.40").contains("659.41");
        });
    }

    @Test
    void iftstaBringStatuses() {
        MappedDocument document = IftstaMapper.map(SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi"), "bring");

        assertThat(codes(document)).containsExactly(IN_TRANSIT, EXCEPTION, IN_TRANSIT, DELIVERED, DELIVERED,
                AVAILABLE_FOR_PICKUP, AVAILABLE_FOR_PICKUP);
        PartnerMilestone error = document.milestones().get(1);
        assertThat(error.occurredAt()).as("17:29 in Vantaa, Finland").hasToString("2020-02-25T15:29:00Z");
        assertThat(error.rawReason()).isEqualTo("99 Other / unknown reason");
        assertThat(error.reasonMapped()).isTrue();
        PartnerMilestone oslo = document.milestones().get(3);
        assertThat(oslo.trackingNumber()).isEqualTo("70726206369728447");
        assertThat(oslo.occurredAt()).hasToString("2020-02-25T16:09:00Z");
        assertThat(oslo.partnerReferences()).contains("171452065", "370726206369728455");
        assertThat(oslo.carrier()).isEqualTo("bring");
    }

    @Test
    void iftstaWithoutCarrierUsesSender() {
        MappedDocument document = IftstaMapper.map(SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi"), null);

        assertThat(document.milestones()).allSatisfy(m -> assertThat(m.carrier()).isEqualTo("7080000714520"));
    }

    @Test
    void iftstaRedeliveryKeepsIds() {
        String body = SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi");

        assertThat(sourceEventIds(IftstaMapper.map(body, "bring")))
                .isEqualTo(sourceEventIds(IftstaMapper.map(body, "bring"))).doesNotHaveDuplicates();
    }

    @Test
    void iftstaWrappedAt80ColumnsIsRead() {
        String body = SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi").strip();
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < body.length(); i += 80) {
            wrapped.append(body, i, Math.min(body.length(), i + 80)).append("\r\n");
        }

        MappedDocument document = IftstaMapper.map(wrapped.toString(), "bring");

        assertThat(sourceEventIds(document)).isEqualTo(sourceEventIds(IftstaMapper.map(body, "bring")));
    }

    @Test
    void iftstaMalformedNamesSegment() {
        String body = SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi").replace("'CNI+1+70726206369728447'",
                "'CNI+1+70726206369728447'%%$'");

        assertThatThrownBy(() -> IftstaMapper.map(body, "bring"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> {
                    assertThat(e.segment()).isPositive();
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void x12WrappedAt80ColumnsIsRead() {
        String body = SharedData.read("edifabric/x12_214_shipment_status.txt");
        String flat = body.replace("\r", "").replace("\n", "");
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 80) {
            wrapped.append(flat, i, Math.min(flat.length(), i + 80)).append('\n');
        }

        assertThat(sourceEventIds(X12Mapper.map(wrapped.toString()))).isEqualTo(sourceEventIds(X12Mapper.map(body)));
    }

    @Test
    void x12MalformedNamesLineAndSegment() {
        String body = SharedData.read("aws-b2b/x12_214_drayage_multi.edi").replace("ST*214*5599$", "ST*214*5599$\nZZ9!!$");

        assertThatThrownBy(() -> X12Mapper.map(body)).isInstanceOfSatisfying(MalformedPayloadException.class, e -> {
            assertThat(e.line()).isEqualTo(20);
            assertThat(e.segment()).isEqualTo(19);
        });
    }

    @Test
    void x12TruncatedHeaderIsMalformed() {
        assertThatThrownBy(() -> X12Mapper.map("ISA*00*  *00")).isInstanceOf(MalformedPayloadException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"edi-net/x12_204_load_tender.edi", "edi-net/x12_990_tender_response.edi",
            "edi-engine/x12_856_crossdock.edi",
            "bots/x12_856_asn_1.x12", "bots/x12_856_asn_2.x12"})
    void x12WithoutStatusOrChargesIsUnsupported(String file) {
        MappedDocument document = X12Mapper.map(SharedData.read(file));

        assertThat(document.milestones()).isEmpty();
        assertThat(document.invoices()).isEmpty();
        assertThat(document.problems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.type()).isEqualTo("unsupported-transaction-set"));
    }

    @Test
    void x12PurchaseOrderWithShortIsaIsMalformed() {
        String body = SharedData.read("edi-net/x12_850_purchase_order.edi");

        assertThatThrownBy(() -> X12Mapper.map(body)).isInstanceOfSatisfying(MalformedPayloadException.class, e -> {
            assertThat(e.getMessage()).startsWith("ISA08 is 11 characters long but must be 15");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).as("counting the byte order mark").isEqualTo(56);
            assertThat(e.segment()).isEqualTo(1);
        });
    }

    @Test
    void x12WarehouseOrderMissingTerminatorIsMalformed() {
        String body = SharedData.read("edi-engine/x12_940_warehouse_shipping_order.edi");

        assertThatThrownBy(() -> X12Mapper.map(body)).isInstanceOfSatisfying(MalformedPayloadException.class,
                e -> assertThat(e.segment()).as("IEA runs into the next ISA").isEqualTo(33));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edi-net/edifact_d01b_ifcsum.edi", "edifabric/edifact_d96a_desadv_eancom.txt"})
    void edifactOtherMessagesAreUnsupported(String file) {
        MappedDocument document = IftstaMapper.map(SharedData.read(file), "any");

        assertThat(document.milestones()).isEmpty();
        assertThat(document.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.type()).isEqualTo("unsupported-message"));
    }

    private static BigDecimal total(PartnerInvoice invoice) {
        return invoice.lines().stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Moves the last ST..SE transaction set in front of the first; the envelope stays as it was. */
    private static String reorderTransactions(String body) {
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        int lastStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("ST*")) {
                lastStart = i;
            }
        }
        int lastEnd = lastStart;
        while (!lines.get(lastEnd).startsWith("SE*")) {
            lastEnd++;
        }
        List<String> moved = new ArrayList<>(lines.subList(lastStart, lastEnd + 1));
        lines.subList(lastStart, lastEnd + 1).clear();
        int firstStart = 0;
        while (!lines.get(firstStart).startsWith("ST*")) {
            firstStart++;
        }
        lines.addAll(firstStart, moved);
        return String.join("\n", lines);
    }
}
