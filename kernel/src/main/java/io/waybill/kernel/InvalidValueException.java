package io.waybill.kernel;

/** A command field holds a value the ledger cannot accept; answered as 400. */
public final class InvalidValueException extends RejectedCommandException {

    public InvalidValueException(String field, String value, String fix) {
        super(field + " is invalid: " + fix, field, value, fix);
    }

    public InvalidValueException(String message, String field, String value, String fix) {
        super(message, field, value, fix);
    }
}
