package io.waybill.shipment.api;

/** Where a milestone happened, as precise as the partner reported it; every field may be absent. */
public record Location(String facility, String city, String region, String postalCode, String countryCode,
                       GeoPoint point) {
}
