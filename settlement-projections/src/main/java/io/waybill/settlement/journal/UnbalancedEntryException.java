package io.waybill.settlement.journal;

/**
 * A journal entry whose debits differ from its credits, or that books nothing. It signals a bug in
 * the translation of a financial event, so the projection stops on it rather than skip the event.
 */
public class UnbalancedEntryException extends IllegalStateException {

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
