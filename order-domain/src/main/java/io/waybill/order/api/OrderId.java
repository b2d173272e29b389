package io.waybill.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of an order. It is derived from the tenant and the ERP order number, so a repeated
 * release of the same ERP order reaches the same aggregate instead of creating a second one.
 */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId forErpOrder(TenantId tenantId, String erpOrderNumber) {
        String name = "waybill:order:" + tenantId.value() + ":" + erpOrderNumber;
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static OrderId parse(String text) {
        try {
            return new OrderId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("orderId", text, "use the UUID returned when the order was released");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
