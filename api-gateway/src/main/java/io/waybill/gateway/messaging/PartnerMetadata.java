package io.waybill.gateway.messaging;

/**
 * Metadata keys that partner APIs add to a command and that travel to the events it records, so
 * an auditor can read what the partner sent besides the canonical event: the time as the partner
 * wrote it, the offset used to convert it, and how the conversion was done
 * ({@code LOCAL_UNRESOLVED} marks a time whose zone was unknown).
 */
public final class PartnerMetadata {

    public static final String LOCAL_TIME = "partnerLocalTime";
    public static final String UTC_OFFSET = "partnerUtcOffset";
    public static final String TIME_BASIS = "partnerTimeBasis";
    public static final String FORMAT = "partnerFormat";
    public static final String POSITION = "partnerPosition";

    private PartnerMetadata() {
    }
}
