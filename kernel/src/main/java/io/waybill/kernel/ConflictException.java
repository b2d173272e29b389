package io.waybill.kernel;

/** The command contradicts what the ledger already recorded; answered as 409. */
public final class ConflictException extends RejectedCommandException {

    public ConflictException(String message, String field, String value, String fix) {
        super(message, field, value, fix);
    }
}
