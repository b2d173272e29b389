package io.waybill.importer.olist;

/**
 * An input record that was not imported, or not completely: where it is, what it describes (for
 * example {@code order 00042b26...}) and why it was rejected.
 */
public record RejectedRecord(SourceLine source, String subject, String reason) {

    /** Formats the record as the one error line the importer prints for it. */
    public String toErrorLine() {
        return "rejected: " + source + " (" + subject + "): " + reason;
    }
}
