package io.waybill.adapters;

import java.util.Locale;
import java.util.Map;

/**
 * Normalised carrier names, so that "FedEx", "FDXG" and "fedex" all match a shipment tendered to
 * FedEx. Unknown names are lower-cased and kept; the result always fits the format of a
 * {@link io.waybill.kernel.PartnerId}.
 */
public final class Carriers {

    /** Aliases and SCAC codes of carriers that appear under several names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("fedex", "fedex"), Map.entry("fdxe", "fedex"), Map.entry("fdxg", "fedex"),
            Map.entry("fxfe", "fedex"), Map.entry("fedexground", "fedex"), Map.entry("fedexexpress", "fedex"),
            Map.entry("ups", "ups"), Map.entry("upsn", "ups"), Map.entry("upsd", "ups"),
            Map.entry("unitedparcelservice", "ups"),
            Map.entry("usps", "usps"), Map.entry("unitedstatespostalservice", "usps"),
            Map.entry("canadapost", "canadapost"), Map.entry("cpcc", "canadapost"), Map.entry("cpc", "canadapost"),
            Map.entry("postescanada", "canadapost"),
            Map.entry("dhl", "dhl"), Map.entry("dhlexpress", "dhl"), Map.entry("dhle", "dhl"));

    private Carriers() {
    }

    /** Returns the carrier key for a name or SCAC code, or {@code null} for a blank name. */
    public static String normalise(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String compact = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (compact.isEmpty()) {
            return null;
        }
        String alias = ALIASES.get(compact);
        if (alias != null) {
            return alias;
        }
        return compact.length() > 64 ? compact.substring(0, 64) : compact;
    }

    /** Returns the tracking number without spaces and in upper case, or {@code null} when blank. */
    public static String normaliseTrackingNumber(String trackingNumber) {
        if (trackingNumber == null) {
            return null;
        }
        String compact = trackingNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }
}
