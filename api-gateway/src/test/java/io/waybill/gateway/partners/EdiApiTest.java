package io.waybill.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.gateway.support.SharedData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EdiApiTest extends PartnerIntegrationTest {

    private static final MediaType X12 = MediaType.parseMediaType("application/edi-x12");
    private static final MediaType EDIFACT = MediaType.parseMediaType("application/edifact");

    @Test
    void x12StatusRecordsTenderedShipmentsAndReportsOthers() {
        String body = SharedData.read("omniparser/x12_214_canadapost.edi");
        WebTestClient client = tenantClient();
        String attempted = tenderedShipment(client, "CPCC", "4343638098050296", "cp-1");
        String delivered = tenderedShipment(client, "Canada Post", "4343638098146166", "cp-2");

        JsonNode response = post(client, "/api/v1/partners/edi/x12", body, X12, 200);

        assertThat(response.get("recorded").asInt()).isEqualTo(2);
        assertThat(response.get("rejected").asInt()).isEqualTo(17);
        JsonNode attempt = milestones(client, attempted).get(0);
        assertThat(attempt.at("/payload/code").asText()).isEqualTo("DELIVERY_ATTEMPT_FAILED");
        assertThat(attempt.at("/payload/reason").asText()).isEqualTo("RECIPIENT_NOT_AVAILABLE");
        assertThat(attempt.at("/payload/occurredAt").asText()).isEqualTo("2019-11-02T23:25:00Z");
        assertThat(attempt.at("/metadata/partnerTimeBasis").asText()).isEqualTo("ZONE_GIVEN");
        JsonNode done = milestones(client, delivered).get(0);
        assertThat(done.at("/payload/code").asText()).isEqualTo("DELIVERED");
        assertThat(done.at("/payload/occurredAt").asText()).isEqualTo("2019-11-02T22:48:00Z");
        JsonNode unknown = results(response).stream().filter(result -> result.has("problem")).findFirst().orElseThrow();
        assertThat(unknown.at("/problem/status").asInt()).isEqualTo(404);
        assertThat(unknown.get("position").asText()).startsWith("segment ");
    }

    @Test
    void x12EllipsisTerminatedStatusIsRead() {
        String body = SharedData.read("staedi/x12_214_ellipsis_terminator.edi");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "XXXX", "0542550913", "7727019");

        JsonNode response = post(client, "/api/v1/partners/edi/x12", body, X12, 200);

        assertAllRecorded(response, 2);
        List<JsonNode> recorded = milestones(client, shipment);
        JsonNode pickedUp = recorded.get(1);
        assertThat(pickedUp.at("/payload/code").asText()).isEqualTo("PICKED_UP");
        assertThat(pickedUp.at("/payload/occurredAt").asText()).isEqualTo("2020-09-10T15:35:00Z");
        assertThat(recorded.get(0).at("/payload/estimatedDelivery").asText()).isEqualTo("2020-09-11T15:59:00Z");
    }

    @Test
    void x12InvoiceRecordsChargesOnce() {
        String body = SharedData.read("edi-net/x12_210_freight_invoice.edi");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "SCAC", "75027674", "75027674");

        JsonNode first = post(client, "/api/v1/partners/edi/x12", body, X12, 200);
        JsonNode again = post(client, "/api/v1/partners/edi/x12", body, X12, 200);

        assertAllRecorded(first, 1);
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        JsonNode invoice = null;
        for (JsonNode event : history(client, shipment).get("events")) {
            if ("CarrierInvoiceRecorded".equals(event.get("type").asText())) {
                assertThat(invoice).as("one invoice event").isNull();
                invoice = event;
            }
        }
        assertThat(invoice).isNotNull();
        assertThat(invoice.at("/payload/invoiceReference").asText()).isEqualTo("09851270");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : invoice.at("/payload/lines")) {
            total = total.add(line.at("/amount/amount").decimalValue());
        }
        assertThat(total).isEqualByComparingTo("659.40");
        assertThat(invoice.at("/payload/lines/3/type").asText()).isEqualTo("DISCOUNT");
        assertThat(invoice.at("/payload/lines/3/amount/amount").decimalValue()).isEqualByComparingTo("-3017.91");
    }

    @Test
    void iftstaConvertsNorwegianLocalTime() {
        String body = SharedData.read("omniparser/edifact_d04a_iftsta_big07.edi");
        WebTestClient client = tenantClient();
        String shipment = tenderedShipment(client, "Bring", "70726206369728447", "171452065");

        JsonNode response = post(client, "/api/v1/partners/edi/edifact?carrier=bring", body, EDIFACT, 200);

        assertThat(response.get("recorded").asInt()).isEqualTo(1);
        JsonNode delivered = milestones(client, shipment).get(0);
        assertThat(delivered.at("/payload/code").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.at("/payload/occurredAt").asText()).isEqualTo("2020-02-25T16:09:00Z");
        assertThat(delivered.at("/payload/location/city").asText()).isEqualTo("OSLO");
        assertThat(delivered.at("/metadata/partnerUtcOffset").asText()).isEqualTo("+01:00");
    }

    @Test
    void malformedX12NamesSegmentAndStoresNothing() {
        String body = SharedData.read("aws-b2b/x12_214_drayage_multi.edi").replace("ST*214*5599$", "ST*214*5599$\nZZ9!!$");
        WebTestClient client = tenantClient();
        tenderedShipment(client, "RKNE", "MSKU1180577", "10100806");
        long before = eventCount();

        JsonNode problem = post(client, "/api/v1/partners/edi/x12", body, X12, 400);

        assertThat(problem.get("line").asInt()).isEqualTo(20);
        assertThat(problem.get("segment").asInt()).isEqualTo(19);
        assertThat(problem.get("detail").asText()).contains("line 20");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void loadTenderIsUnprocessable() {
        String body = SharedData.read("edi-net/x12_204_load_tender.edi");

        JsonNode response = post(tenantClient(), "/api/v1/partners/edi/x12", body, X12, 422);

        assertThat(results(response).get(0).at("/problem/type").asText())
                .isEqualTo("urn:waybill:problem:unsupported-transaction-set");
    }
}
