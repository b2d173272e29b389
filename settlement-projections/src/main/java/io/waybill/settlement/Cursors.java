package io.waybill.settlement;

import io.waybill.kernel.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque pagination cursors and page limits. A cursor is the sort key of the last row of a page,
 * base64url-encoded so that callers treat it as a token rather than build it themselves.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String... keyParts) {
        byte[] text = String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** Decodes a cursor into exactly {@code parts} key parts, or returns null for a null or blank cursor. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = Arrays.asList(text.split(SEPARATOR, -1));
            if (values.size() != parts) {
                throw invalid(cursor);
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
    }

    /** Returns the page size to use: the given limit checked against 1..max, or the default when absent. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw new InvalidValueException("limit", String.valueOf(requested),
                    "give a page size from 1 to " + max);
        }
        return requested;
    }

    public static InvalidValueException invalid(String cursor) {
        return new InvalidValueException("cursor", cursor,
                "pass the nextCursor of the previous page unchanged, or leave it out to start from the beginning");
    }
}
