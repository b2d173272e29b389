package io.waybill.gateway.messaging;

import io.waybill.kernel.TenantId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * Metadata keys every command carries from the HTTP edge, and the caller they describe.
 *
 * @param correlationId the caller's {@code X-Correlation-Id}, or one created for the request
 * @param source        which API took the request, for example {@code api:process} or {@code partner:easypost}
 * @param principal     who called, as far as the edge authenticated them
 * @param traceparent   the W3C trace context of the request, when there is one
 */
public record RequestMetadata(TenantId tenantId, String correlationId, String source, String principal,
                              String traceparent) {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String TENANT_ID = "tenantId";
    public static final String SOURCE = "source";
    public static final String PRINCIPAL = "principal";
    public static final String TRACEPARENT = "traceparent";

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(TENANT_ID, tenantId.value());
        values.put(CORRELATION_ID, correlationId);
        values.put(SOURCE, source);
        if (principal != null) {
            values.put(PRINCIPAL, principal);
        }
        if (traceparent != null) {
            values.put(TRACEPARENT, traceparent);
        }
        return MetaData.from(values);
    }
}
