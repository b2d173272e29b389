package io.waybill.shipment.api;

import java.math.BigDecimal;

/** WGS 84 latitude and longitude in decimal degrees. */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {
}
