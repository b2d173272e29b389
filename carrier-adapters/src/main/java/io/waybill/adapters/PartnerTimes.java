package io.waybill.adapters;

import io.waybill.shipment.api.Location;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Turns partner times into {@link PartnerTime}s, applying one rule everywhere: an offset or zone in
 * the payload wins; a bare local time takes the zone of the event's location when that location
 * has a single zone; otherwise the time stays local and is flagged.
 */
public final class PartnerTimes {

    private PartnerTimes() {
    }

    /** Parses an ISO 8601 time with an offset or {@code Z}, such as {@code 2014-01-02T13:23:29-05:00}. */
    public static PartnerTime withOffset(String text) {
        OffsetDateTime time = OffsetDateTime.parse(text.trim());
        TimeBasis basis = time.getOffset().equals(ZoneOffset.UTC) ? TimeBasis.UTC_GIVEN : TimeBasis.OFFSET_GIVEN;
        return new PartnerTime(time.toInstant(), text, time.getOffset().getId(), basis);
    }

    /**
     * Parses an ISO 8601 time that may or may not carry an offset; a bare one is resolved from the
     * location like {@link #local(LocalDateTime, String, Location)}.
     */
    public static PartnerTime isoWithOrWithoutOffset(String text, Location location) {
        try {
            return withOffset(text);
        } catch (DateTimeParseException e) {
            return local(LocalDateTime.parse(text.trim()), text, location);
        }
    }

    /** Converts a local time with a zone the partner named (for example EST or PT). */
    public static PartnerTime inZone(LocalDateTime local, String localText, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(local);
        Instant instant = local.atZone(zone).toInstant();
        return new PartnerTime(instant, localText, offset.getId(), TimeBasis.ZONE_GIVEN);
    }

    /** Converts a bare local time with the zone of its location, or keeps it local when there is none. */
    public static PartnerTime local(LocalDateTime local, String localText, Location location) {
        ZoneId zone = location == null ? null : Zones.forLocation(location.countryCode(), location.region());
        if (zone == null) {
            return new PartnerTime(local.toInstant(ZoneOffset.UTC), localText, null, TimeBasis.LOCAL_UNRESOLVED);
        }
        ZoneOffset offset = zone.getRules().getOffset(local);
        return new PartnerTime(local.atZone(zone).toInstant(), localText, offset.getId(), TimeBasis.LOCATION_ZONE);
    }

    /** A time the partner sent in UTC, kept with its original text. */
    public static PartnerTime utc(Instant instant, String text) {
        return new PartnerTime(instant, text, "Z", TimeBasis.UTC_GIVEN);
    }
}
