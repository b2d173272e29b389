package io.waybill.gateway.security;

import org.springframework.security.core.AuthenticationException;

/**
 * An API key or webhook signature that cannot be accepted: malformed, unknown, revoked, expired,
 * badly signed or replayed. The message names the key id at most, never the secret.
 */
final class ApiKeyAuthenticationException extends AuthenticationException {

    private final String reason;
    private final String title;
    private final String fix;

    /**
     * @param reason problem type, for example {@code revoked-api-key} or {@code replayed-signature}
     * @param title  short summary for the problem's title
     * @param detail what failed
     * @param fix    what the caller can do about it
     */
    ApiKeyAuthenticationException(String reason, String title, String detail, String fix) {
        super(detail);
        this.reason = reason;
        this.title = title;
        this.fix = fix;
    }

    static ApiKeyAuthenticationException invalidKey(String reason, String detail) {
        return new ApiKeyAuthenticationException(reason, "Invalid API key", detail,
                "send a current key as 'Authorization: ApiKey <key>'; ask an admin for a new key if this one was "
                        + "revoked or has expired");
    }

    static ApiKeyAuthenticationException malformedKey(String detail) {
        return new ApiKeyAuthenticationException("invalid-api-key", "Invalid API key", detail,
                "send the whole key exactly as it was printed when it was issued, with nothing before or after it");
    }

    /** Builds the failure for a request with two or more credentials, where any choice among them would be a guess. */
    static ApiKeyAuthenticationException ambiguousCredentials(String detail) {
        return new ApiKeyAuthenticationException("ambiguous-credentials", "Ambiguous credentials", detail,
                "send exactly one credential: one Authorization header, or one X-Api-Key header");
    }

    static ApiKeyAuthenticationException invalidSignature(String reason, String detail) {
        return new ApiKeyAuthenticationException(reason, "Invalid webhook signature", detail,
                "sign '<timestamp>.<METHOD>.<path>.<body>' with HMAC-SHA256 keyed by the API key, send the current "
                        + "Unix time in X-Waybill-Timestamp and 'v1=<hex>' in X-Waybill-Signature, and sign every "
                        + "retry anew");
    }

    String reason() {
        return reason;
    }

    String title() {
        return title;
    }

    String fix() {
        return fix;
    }
}
