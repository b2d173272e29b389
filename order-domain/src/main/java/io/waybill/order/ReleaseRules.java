package io.waybill.order;

import io.waybill.kernel.InvalidValueException;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/** Content rules of an order release, and the fingerprint that distinguishes a repeat from a change. */
final class ReleaseRules {

    private ReleaseRules() {
    }

    static void validate(ReleaseOrder command) {
        if (command.tenantId() == null) {
            throw new InvalidValueException("tenantId", null, "give the tenant that owns the order");
        }
        requireText("erpOrderNumber", command.erpOrderNumber());
        if (!command.orderId().equals(OrderId.forErpOrder(command.tenantId(), command.erpOrderNumber()))) {
            throw new InvalidValueException("orderId", command.orderId().toString(),
                    "derive the order id from the tenant and ERP order number with OrderId.forErpOrder");
        }
        requireText("customerReference", command.customerReference());
        validateAddress(command.shipTo());
        if (command.currency() == null) {
            throw new InvalidValueException("currency", null, "give the ISO 4217 currency of the order");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new InvalidValueException("lines", "[]", "give at least one order line");
        }
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            validateLine(command, i, lineNumbers);
        }
        validatePromise(command);
        if (command.serviceLevel() == null) {
            throw new InvalidValueException("serviceLevel", null,
                    "give one of SAME_DAY, NEXT_DAY, EXPRESS, STANDARD, ECONOMY");
        }
        if (command.parcelWeightKg() != null && command.parcelWeightKg().signum() <= 0) {
            throw new InvalidValueException("parcelWeightKg", command.parcelWeightKg().toPlainString(),
                    "give a positive weight in kilograms, or leave it out");
        }
        if (command.releasedAt() == null) {
            throw new InvalidValueException("releasedAt", null, "give the release time as a UTC instant");
        }
    }

    private static void validatePromise(ReleaseOrder command) {
        if (command.promisedDelivery() == null || command.promisedDelivery().latestDate() == null) {
            throw new InvalidValueException("promisedDelivery.latestDate", null,
                    "give the latest promised delivery day as YYYY-MM-DD");
        }
        var window = command.promisedDelivery();
        if ((window.windowStart() == null) != (window.windowEnd() == null)) {
            String missing = window.windowStart() == null ? "windowStart" : "windowEnd";
            throw new InvalidValueException("promisedDelivery." + missing, null,
                    "give both ends of the delivery window, or neither");
        }
        if (window.windowStart() != null && window.windowEnd() != null
                && !window.windowStart().isBefore(window.windowEnd())) {
            throw new InvalidValueException("promisedDelivery.windowEnd", window.windowEnd().toString(),
                    "make the window end after its start");
        }
    }

    private static void validateLine(ReleaseOrder command, int index, Set<Integer> lineNumbers) {
        OrderLine line = command.lines().get(index);
        String prefix = "lines[" + index + "].";
        if (line == null) {
            throw new InvalidValueException(prefix.substring(0, prefix.length() - 1), null, "remove the empty line");
        }
        if (line.lineNumber() <= 0 || !lineNumbers.add(line.lineNumber())) {
            throw new InvalidValueException(prefix + "lineNumber", String.valueOf(line.lineNumber()),
                    "give each line a distinct positive line number");
        }
        requireText(prefix + "sku", line.sku());
        if (line.quantity() <= 0) {
            throw new InvalidValueException(prefix + "quantity", String.valueOf(line.quantity()),
                    "give a positive whole quantity");
        }
        if (line.unitPrice() == null) {
            throw new InvalidValueException(prefix + "unitPrice", null, "give the unit price");
        }
        if (line.unitPrice().isNegative()) {
            throw new InvalidValueException(prefix + "unitPrice", line.unitPrice().amount().toPlainString(),
                    "give a unit price of zero or more");
        }
        try {
            line.total();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(prefix + "quantity", String.valueOf(line.quantity()),
                    "keep quantity times unit price below 1,000,000,000,000,000");
        }
        if (!line.unitPrice().currency().equals(command.currency())) {
            throw new InvalidValueException(prefix + "unitPrice.currency",
                    line.unitPrice().currency().getCurrencyCode(),
                    "use the order currency " + command.currency().getCurrencyCode());
        }
    }

    private static void validateAddress(Address address) {
        if (address == null) {
            throw new InvalidValueException("shipTo", null, "give the delivery address");
        }
        requireText("shipTo.postalCode", address.postalCode());
        requireText("shipTo.city", address.city());
        String country = address.countryCode();
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new InvalidValueException("shipTo.countryCode", country,
                    "give the ISO 3166-1 alpha-2 country code, for example BR or DE");
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "give a non-empty " + field);
        }
        if (value.length() > 200) {
            throw new InvalidValueException(field, value.substring(0, 40) + "…",
                    "shorten " + field + " to at most 200 characters");
        }
    }

    /**
     * SHA-256 over every content field of the release except its time, in a fixed order. Each value
     * is prefixed with its length, so no choice of characters in one field can imitate another.
     */
    static String contentHash(ReleaseOrder command) {
        StringBuilder text = new StringBuilder();
        append(text, command.erpOrderNumber());
        append(text, command.customerReference());
        append(text, String.valueOf(command.shipTo()));
        append(text, command.currency().getCurrencyCode());
        append(text, String.valueOf(command.promisedDelivery()));
        append(text, String.valueOf(command.serviceLevel()));
        append(text, command.parcelWeightKg() == null ? "" : command.parcelWeightKg().stripTrailingZeros().toPlainString());
        for (OrderLine line : command.lines()) {
            append(text, String.valueOf(line.lineNumber()));
            append(text, line.sku());
            append(text, String.valueOf(line.quantity()));
            append(text, line.unitPrice().amount().stripTrailingZeros().toPlainString());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void append(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }
}
