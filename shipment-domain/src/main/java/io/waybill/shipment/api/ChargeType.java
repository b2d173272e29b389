package io.waybill.shipment.api;

/**
 * Kind of a carrier charge line. Discounts carry a negative amount; every other type is zero or
 * positive.
 */
public enum ChargeType {
    BASE_FREIGHT,
    FUEL_SURCHARGE,
    ACCESSORIAL_SURCHARGE,
    FAILED_ATTEMPT_FEE,
    RETURN_FEE,
    DUTIES_AND_TAXES,
    DISCOUNT
}
