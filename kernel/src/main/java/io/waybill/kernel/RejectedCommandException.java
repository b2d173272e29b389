package io.waybill.kernel;

import java.util.Objects;

/**
 * Base of every expected rejection of a command. The HTTP layer turns each subclass into one
 * problem response, so a rejection must name the field, the offending value and the fix.
 */
public abstract sealed class RejectedCommandException extends RuntimeException
        permits InvalidValueException, NotFoundException, ConflictException {

    private final String field;
    private final String value;
    private final String fix;

    protected RejectedCommandException(String message, String field, String value, String fix) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.field = field;
        this.value = value;
        this.fix = fix;
    }

    /** Name of the request field the rejection is about, in the request's JSON spelling. */
    public String field() {
        return field;
    }

    /** The rejected value as received, or {@code null} when the field was missing. */
    public String value() {
        return value;
    }

    /** What the caller can do to get the command accepted. */
    public String fix() {
        return fix;
    }
}
