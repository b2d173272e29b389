package io.waybill.order.api;

/**
 * A delivery address. {@code region} is the state or province code and {@code countryCode} the
 * ISO 3166-1 alpha-2 code; lines may be absent when only the postal area is known.
 */
public record Address(String name, String line1, String line2, String postalCode, String city,
                      String region, String countryCode) {
}
