package io.waybill.shipment.api.platform;

/** Why a platform request did not succeed. */
public enum PlatformFailure {
    /** The platform answered and declined the request. */
    REJECTED,
    /** The platform gave no answer within the configured timeout, retries included. */
    TIMED_OUT,
    /** The platform could not be reached, answered with a server error, or its circuit breaker is open. */
    UNAVAILABLE,
    /** No adapter is configured for the platform the request names. */
    NOT_CONFIGURED
}
