package io.waybill.importer.client;

/** The service did not answer, or answered only with temporary failures, until the retry window ran out. */
public class ServiceUnreachableException extends Exception {

    public ServiceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
