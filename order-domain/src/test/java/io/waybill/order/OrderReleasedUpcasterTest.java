package io.waybill.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.order.api.OrderReleased;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class OrderReleasedUpcasterTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    /** The JSON an OrderReleased of revision 1 was stored as: no orderTotal. */
    private static final String REVISION_1_PAYLOAD = """
            {"orderId":"1f0c7f6e-9d4e-3c51-a1f1-8f6a2b0e9c11","tenantId":"acme","erpOrderNumber":"SO-1",
             "customerReference":"CUST-1","shipTo":{"name":"Ana","line1":"Rua 1","postalCode":"01304-000",
             "city":"Sao Paulo","countryCode":"BR"},
             "lines":[{"lineNumber":1,"sku":"SKU-1","quantity":2,"unitPrice":{"amount":49.90,"currency":"BRL"}},
                      {"lineNumber":2,"sku":"SKU-2","quantity":3,"unitPrice":{"amount":0.05,"currency":"BRL"}}],
             "currency":"BRL","promisedDelivery":{"latestDate":"2026-12-10"},"serviceLevel":"STANDARD",
             "parcelWeightKg":1.5,"contentHash":"abc","occurredAt":"2026-12-01T09:00:00Z"}""";

    @Test
    void revisionOneGetsOrderTotalFromLines() {
        List<IntermediateEventRepresentation> upcast = upcast(OrderReleased.class.getName(), "1");

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        JsonNode total = upcast.get(0).getData(JsonNode.class).getData().get("orderTotal");
        assertThat(total.get("amount").decimalValue()).isEqualByComparingTo("99.95");
        assertThat(total.get("currency").asText()).isEqualTo("BRL");
    }

    @Test
    void revisionTwoPassesUnchanged() {
        List<IntermediateEventRepresentation> upcast = upcast(OrderReleased.class.getName(), "2");

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(upcast.get(0).getData(JsonNode.class).getData().has("orderTotal")).isFalse();
    }

    @Test
    void otherEventTypesPassUnchanged() {
        List<IntermediateEventRepresentation> upcast = upcast("io.waybill.order.api.OrderCancelled", "1");

        assertThat(upcast.get(0).getType().getName()).isEqualTo("io.waybill.order.api.OrderCancelled");
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("1");
    }

    private static List<IntermediateEventRepresentation> upcast(String payloadType, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Order",
                "1f0c7f6e-9d4e-3c51-a1f1-8f6a2b0e9c11", 0, "event-1", "2026-12-01T09:00:01Z", payloadType, revision,
                REVISION_1_PAYLOAD.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new OrderReleasedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
                .toList();
    }
}
