package io.waybill.shipment.api;

import io.waybill.kernel.Money;

/** One line of a quote or a carrier invoice; {@code rawCode} keeps the partner's own charge code. */
public record ChargeLine(ChargeType type, String rawCode, String description, Money amount) {
}
