package io.waybill.adapters;

import java.time.Instant;
import java.util.Objects;

/**
 * When a partner event happened: the UTC instant the ledger records, and what the partner sent.
 *
 * @param occurredAt the UTC instant; for {@link TimeBasis#LOCAL_UNRESOLVED} the local reading taken as UTC
 * @param localText  the time exactly as the partner wrote it
 * @param utcOffset  the offset used for the conversion, such as {@code -05:00}, or {@code null} when unknown
 * @param basis      how the conversion was done
 */
public record PartnerTime(Instant occurredAt, String localText, String utcOffset, TimeBasis basis) {

    public PartnerTime {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(basis, "basis");
    }

    /** Returns true when the instant is only the local reading, because no zone could be found. */
    public boolean timeIsLocal() {
        return basis == TimeBasis.LOCAL_UNRESOLVED;
    }
}
