package io.waybill.gateway.web;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.observability.TraceContextFilter;
import io.waybill.gateway.security.Caller;
import io.waybill.gateway.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Works out who is calling, for command metadata and tenant scoping. The tenant, principal and
 * partner come from the authenticated credential (JWT claims or the API key's record), never from a
 * request header, so a caller cannot act for another tenant.
 */
public final class Callers {

    private Callers() {
    }

    /**
     * Returns the caller of a partner API, recorded with source {@code partner:<name>}. The tenant
     * and partner come from the caller's credential like for every other API.
     */
    static RequestMetadata partner(ServerWebExchange exchange, String partner) {
        return of(exchange, "partner:" + partner);
    }

    /**
     * Returns the metadata for commands sent on behalf of this request.
     *
     * @throws ResponseStatusException 401 when the request was not authenticated, which only happens on
     *                                 an open endpoint that should not call this
     */
    public static RequestMetadata of(ServerWebExchange exchange, String source) {
        Caller caller = CurrentCaller.of(exchange).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNAUTHORIZED, "this endpoint needs an authenticated caller"));
        return new RequestMetadata(caller.tenantId(), CorrelationIdFilter.of(exchange), source, caller.principal(),
                TraceContextFilter.traceparent(exchange), caller.partnerId());
    }
}
