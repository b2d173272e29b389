package io.waybill.shipment;

import io.waybill.kernel.InvalidValueException;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import java.util.Currency;
import java.util.List;

/** Field rules of quote and invoice lines. */
final class ChargeRules {

    private ChargeRules() {
    }

    static void validate(String referenceField, String reference, List<ChargeLine> lines) {
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new InvalidValueException(referenceField, reference, "give a non-empty " + referenceField
                    + " of at most 200 characters");
        }
        if (lines == null || lines.isEmpty()) {
            throw new InvalidValueException("lines", "[]", "give at least one charge line");
        }
        Currency currency = null;
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine line = lines.get(i);
            String prefix = "lines[" + i + "].";
            if (line == null || line.type() == null) {
                throw new InvalidValueException(prefix + "type", null, "give the charge type of every line");
            }
            if (line.amount() == null) {
                throw new InvalidValueException(prefix + "amount", null, "give the amount of every line");
            }
            boolean discount = line.type() == ChargeType.DISCOUNT;
            if (discount ? line.amount().amount().signum() > 0 : line.amount().isNegative()) {
                throw new InvalidValueException(prefix + "amount", line.amount().amount().toPlainString(),
                        discount ? "give a discount as a negative amount" : "give a charge of zero or more");
            }
            if (currency == null) {
                currency = line.amount().currency();
            } else if (!currency.equals(line.amount().currency())) {
                throw new InvalidValueException(prefix + "amount.currency",
                        line.amount().currency().getCurrencyCode(),
                        "use one currency per document, here " + currency.getCurrencyCode());
            }
        }
    }
}
