package io.waybill.gateway.web;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.TenantId;
import org.springframework.web.server.ServerWebExchange;

/**
 * Works out who is calling. Until authentication is in place the tenant comes from the
 * {@code X-Tenant-Id} header, which every process request must send.
 */
final class Callers {

    static final String TENANT_HEADER = "X-Tenant-Id";

    private Callers() {
    }

    /**
     * Returns the caller of a partner API, recorded with source {@code partner:<name>}.
     * NOTE: partner APIs take the tenant from the header like the process APIs until partner
     * authentication (API key and signature) replaces it here.
     */
    static RequestMetadata partner(ServerWebExchange exchange, String partner) {
        return of(exchange, "partner:" + partner);
    }

    static RequestMetadata of(ServerWebExchange exchange, String source) {
        String tenant = exchange.getRequest().getHeaders().getFirst(TENANT_HEADER);
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidValueException("missing header " + TENANT_HEADER, TENANT_HEADER, null,
                    "send the tenant id in the " + TENANT_HEADER + " header");
        }
        TenantId tenantId;
        try {
            tenantId = new TenantId(tenant);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(TENANT_HEADER, tenant, e.fix());
        }
        String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
        return new RequestMetadata(tenantId, CorrelationIdFilter.of(exchange), source, null, traceparent);
    }
}
