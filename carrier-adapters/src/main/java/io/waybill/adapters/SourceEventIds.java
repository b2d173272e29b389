package io.waybill.adapters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Builds stable source event ids for partner events that carry no id of their own. The id hashes
 * what identifies the event in the partner's eyes (raw code, local time text, place, text), not
 * its position, so the same event fetched again in a longer history gets the same id. Identical
 * entries within one document are told apart by their occurrence number in chronological order.
 * Create one instance per tracking number and document.
 */
public final class SourceEventIds {

    private static final int HASH_HEX_CHARS = 24;

    private final String prefix;
    private final Map<String, Integer> occurrences = new HashMap<>();

    public SourceEventIds(String partner, String trackingNumber) {
        this.prefix = partner + ":" + trackingNumber + ":";
    }

    /** Returns the id for the next event with these identifying parts. */
    public String next(String... parts) {
        String key = String.join("\u001f", nullsAsEmpty(parts));
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        return prefix + hash(occurrence == 1 ? key : key + "\u001f#" + occurrence);
    }

    /** Returns the id for an event that carries the partner's own event id. */
    public String ofPartnerId(String partnerEventId) {
        return prefix + partnerEventId;
    }

    private static String[] nullsAsEmpty(String[] parts) {
        String[] copy = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            copy[i] = parts[i] == null ? "" : parts[i].trim();
        }
        return copy;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
