package io.waybill.gateway.messaging;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Metadata keys every command carries from the HTTP edge, and the caller they describe.
 *
 * @param tenantId      the caller's tenant; {@code null} only for a platform-wide admin, whose requests
 *                      never reach tenant data
 * @param correlationId the caller's {@code X-Correlation-Id}, or one created for the request
 * @param source        which API took the request, for example {@code api:process} or {@code partner:easypost}
 * @param principal     who called: {@code jwt:<subject>} or {@code api-key:<key id>}
 * @param traceparent   the W3C trace context of the request's server span, when tracing runs
 * @param partnerId     the partner a partner caller speaks for; commands carrying it may only touch
 *                      shipments tendered to that partner
 */
public record RequestMetadata(TenantId tenantId, String correlationId, String source, String principal,
                              String traceparent, PartnerId partnerId) {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TENANT_ID = "tenantId";
    public static final String SOURCE = "source";
    public static final String PRINCIPAL = "principal";
    public static final String TRACEPARENT = "traceparent";
    /** Set on commands from partner callers only; it is not copied to the events and commands they cause. */
    public static final String PARTNER_ID = "partnerId";

    /** Metadata of a caller that is not a partner. */
    public RequestMetadata(TenantId tenantId, String correlationId, String source, String principal,
                           String traceparent) {
        this(tenantId, correlationId, source, principal, traceparent, null);
    }

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        if (tenantId != null) {
            values.put(TENANT_ID, tenantId.value());
        }
        values.put(CORRELATION_ID, correlationId);
        values.put(SOURCE, source);
        if (principal != null) {
            values.put(PRINCIPAL, principal);
        }
        if (traceparent != null) {
            values.put(TRACEPARENT, traceparent);
        }
        if (partnerId != null) {
            values.put(PARTNER_ID, partnerId.value());
        }
        return MetaData.from(values);
    }
}
