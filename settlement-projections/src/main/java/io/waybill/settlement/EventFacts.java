package io.waybill.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;

/** Small conversions shared by the projections. */
public final class EventFacts {

    private EventFacts() {
    }

    /** Derives a stable id from an event id and a purpose, so redelivery and replay produce the same id. */
    public static UUID derivedId(String purpose, String eventId) {
        return UUID.nameUUIDFromBytes(("waybill:" + purpose + ":" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Returns a stored amount with the currency's usual number of decimals, as the events carried it. */
    public static BigDecimal amount(BigDecimal stored, String currencyCode) {
        if (stored == null || currencyCode == null) {
            return stored;
        }
        int digits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
        return stored.setScale(digits, RoundingMode.HALF_EVEN);
    }
}
