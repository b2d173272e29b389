package io.waybill.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.order.api.OrderReleased;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads {@link OrderReleased} stored at revision 1, which had no {@code orderTotal}, as revision 2:
 * the total is computed from the stored lines exactly as the aggregate computes it for new
 * releases, and written in the JSON form of {@code Money}.
 */
final class OrderReleasedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OrderReleased.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OrderReleased.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, OrderReleasedUpcaster::addOrderTotal);
    }

    static JsonNode addOrderTotal(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload;
        Currency currency = Currency.getInstance(event.path("currency").asText());
        BigDecimal amount = BigDecimal.ZERO;
        for (JsonNode line : event.path("lines")) {
            BigDecimal unitPrice = line.path("unitPrice").path("amount").decimalValue();
            amount = amount.add(unitPrice.multiply(BigDecimal.valueOf(line.path("quantity").asLong())));
        }
        ObjectNode total = event.putObject("orderTotal");
        total.put("amount", amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN));
        total.put("currency", currency.getCurrencyCode());
        return event;
    }
}
