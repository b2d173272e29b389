package io.waybill.shipment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.waybill.kernel.InvalidValueException;
import io.waybill.order.api.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a shipment, derived from its order and the shipment number within that order, so
 * creating the same shipment twice reaches the same aggregate.
 */
public record ShipmentId(UUID value) {

    public ShipmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ShipmentId forOrder(OrderId orderId, String shipmentNumber) {
        String name = "waybill:shipment:" + orderId + ":" + shipmentNumber;
        return new ShipmentId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static ShipmentId parse(String text) {
        try {
            return new ShipmentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("shipmentId", text, "use the UUID returned when the shipment was created");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
