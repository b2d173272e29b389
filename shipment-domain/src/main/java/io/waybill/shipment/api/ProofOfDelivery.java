package io.waybill.shipment.api;

/**
 * Evidence of a delivery. {@code photoReference} points at the partner's stored image; the image
 * itself is not kept in the ledger.
 */
public record ProofOfDelivery(String signer, String photoReference, GeoPoint point, DeliveryPlace place) {
}
