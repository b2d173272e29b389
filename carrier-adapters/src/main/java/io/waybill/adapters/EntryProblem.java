package io.waybill.adapters;

/**
 * An entry of a document that could not be mapped, or that the partner itself reported as failed
 * (for example "tracking number not found"). The rest of the document is still recorded.
 *
 * @param position       where the entry sits, for example {@code tracking_details[2]} or {@code segment 17}
 * @param trackingNumber the entry's tracking number when it has one
 * @param type           short kebab-case kind of problem, for example {@code invalid-entry} or {@code partner-error}
 * @param detail         what is wrong, naming the value
 * @param fix            what the sender can do about it
 */
public record EntryProblem(String position, String trackingNumber, String type, String detail, String fix) {

    public static EntryProblem invalid(String position, String trackingNumber, String detail, String fix) {
        return new EntryProblem(position, trackingNumber, "invalid-entry", detail, fix);
    }

    public static EntryProblem partnerError(String position, String trackingNumber, String detail) {
        return new EntryProblem(position, trackingNumber, "partner-error", detail,
                "nothing to do on the ledger side; the partner reported this entry as failed");
    }
}
