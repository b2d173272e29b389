package io.waybill.adapters;

import io.waybill.shipment.api.DeliveryPlace;
import java.util.Locale;

/**
 * Reads where a parcel was left from a carrier's delivery text ("Left at front door", "FRONT
 * DESK", "Delivered, Parcel Locker"). Only the keywords below are recognised; other texts give
 * {@code null} rather than a guess.
 */
public final class DeliveryPlaces {

    private DeliveryPlaces() {
    }

    public static DeliveryPlace fromText(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("locker")) {
            return DeliveryPlace.LOCKER;
        }
        if (lower.contains("mailbox") || lower.contains("mail box") || lower.contains("letterbox")) {
            return DeliveryPlace.MAILBOX;
        }
        if (lower.contains("front door") || lower.contains("porch") || lower.contains("doorstep")) {
            return DeliveryPlace.FRONT_DOOR;
        }
        if (lower.contains("front desk") || lower.contains("reception")) {
            return DeliveryPlace.RECEPTION;
        }
        if (lower.contains("neighbor") || lower.contains("neighbour")) {
            return DeliveryPlace.NEIGHBOUR;
        }
        if (lower.contains("fedex office") || lower.contains("post office") || lower.contains("parcel shop")
                || lower.contains("pickup point") || lower.contains("access point")) {
            return DeliveryPlace.PICKUP_POINT;
        }
        return null;
    }

    /** Returns the signer's name, or {@code null} for placeholders such as "Signature not required". */
    public static String signer(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("not required") || lower.contains("n/a") || lower.equals("none")) {
            return null;
        }
        return name.trim();
    }
}
