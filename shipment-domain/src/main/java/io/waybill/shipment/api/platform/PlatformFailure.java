package io.waybill.shipment.api.platform;

/** Reason a platform request did not succeed. */
public enum PlatformFailure {
    /** The platform responded and declined the request. */
    REJECTED,
    /** The platform did not respond within the configured timeout, retries included. */
    TIMED_OUT,
    /** The platform could not be reached, responded with a server error, or its circuit breaker is open. */
    UNAVAILABLE,
    /** No adapter is configured for the platform the request names. */
    NOT_CONFIGURED
}
