package io.waybill.shipment.api.platform;

/** Response of a delivery platform to one request. */
public sealed interface PlatformResponse {

    /**
     * The platform took the request. {@code platformReference} is its id for what it created; the
     * tracking number and carrier are set for a created shipment and may be null otherwise.
     */
    record Accepted(String platformReference, String trackingNumber, String carrier) implements PlatformResponse {
    }

    /** The platform declined the request; {@code code} is its own rejection code, when it sent one. */
    record Rejected(String code, String reason) implements PlatformResponse {
    }
}
