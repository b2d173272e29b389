package io.waybill.adapters;

/** How a partner's event time was turned into a UTC instant. */
public enum TimeBasis {
    /** The partner sent a UTC time. */
    UTC_GIVEN,
    /** The partner sent a local time with its UTC offset. */
    OFFSET_GIVEN,
    /** The partner sent a local time with a named zone or zone code (EST, PT, ...). */
    ZONE_GIVEN,
    /** The partner sent a bare local time; the zone came from the event's location. */
    LOCATION_ZONE,
    /**
     * The partner sent a bare local time and the location gave no single zone. The instant holds the
     * wall-clock reading as if it were UTC, so it may be off by the unknown offset.
     */
    LOCAL_UNRESOLVED
}
