package io.waybill.importer.olist;

/** The data folder cannot be read as an Olist dataset: a file or a column is missing, or a file is unreadable. */
public class InvalidDatasetException extends Exception {

    public InvalidDatasetException(String message) {
        super(message);
    }

    public InvalidDatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
