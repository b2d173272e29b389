package io.waybill.importer.report;

/** The report could not be read back from the service. */
public class ReportException extends Exception {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
