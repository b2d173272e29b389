package io.waybill.adapters.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerQuote;
import io.waybill.adapters.SharedData;
import io.waybill.adapters.carrier.UpsShipmentMapper;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import org.junit.jupiter.api.Test;

class ChargesMappersTest {

    @Test
    void easyPostBoughtLabelFees() {
        MappedDocument document = EasyPostShipmentMapper.map(SharedData.read("easypost/shipment_buy_response.json"));

        PartnerQuote quote = document.quotes().get(0);
        assertThat(quote.trackingNumber()).isEqualTo("9400100208303109505657");
        assertThat(quote.carrier()).isEqualTo("usps");
        assertThat(quote.quoteReference()).isEqualTo("rate_4d1f36fa716c4b1292cacbdf19227c2d");
        assertThat(quote.partnerReferences()).containsExactly("shp_16578f588f9546ec914afd2474e24ff5");
        assertThat(quote.lines()).extracting(ChargeLine::type)
                .containsExactly(ChargeType.ACCESSORIAL_SURCHARGE, ChargeType.BASE_FREIGHT);
        assertThat(quote.lines().get(1).amount().toString()).isEqualTo("6.07 USD");
        assertThat(quote.quotedAt()).hasToString("2025-03-07T16:46:20Z");
    }

    @Test
    void easyPostShipmentOfRefund() {
        MappedDocument document = EasyPostShipmentMapper.map(SharedData.read("easypost/shipment_for_refund.json"));

        assertThat(document.quotes()).singleElement()
                .satisfies(quote -> assertThat(quote.trackingNumber()).isEqualTo("9400100208303109500775"));
    }

    @Test
    void easyPostRefundIsNotAShipment() {
        String body = SharedData.read("easypost/refund_create_response.json");

        assertThatThrownBy(() -> EasyPostShipmentMapper.map(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void upsShipAcceptCharges() {
        MappedDocument document = UpsShipmentMapper.map(SharedData.read("active_shipping/ups/shipment_accept_response.xml"));

        PartnerQuote quote = document.quotes().get(0);
        assertThat(quote.trackingNumber()).isEqualTo("1ZA03R691591538440");
        assertThat(quote.quoteReference()).isEqualTo("1ZA03R691591538440");
        assertThat(quote.lines().get(0).amount().toString()).isEqualTo("114.76 USD");
        assertThat(quote.lines().get(1).amount().toString()).isEqualTo("0.00 USD");
        assertThat(quote.quotedAt()).as("the response carries no time").isNull();
    }

    @Test
    void upsShipAcceptWithWrongTotalIsReported() {
        String body = SharedData.read("active_shipping/ups/shipment_accept_response.xml")
                .replaceFirst("<MonetaryValue>114.76</MonetaryValue>\\s*</TotalCharges>", "<MonetaryValue>115.76</MonetaryValue></TotalCharges>");

        MappedDocument document = UpsShipmentMapper.map(body);

        assertThat(document.quotes()).isEmpty();
        assertThat(document.problems()).singleElement().satisfies(p -> assertThat(p.detail()).contains("115.76"));
    }
}
