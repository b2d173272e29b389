package io.waybill.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The request paths a service publishes in its OpenAPI description at {@code /v3/api-docs}, so the
 * importer can tell an API the service does not offer yet from a rejected request.
 */
public final class ServiceCapabilities {

    public static final String PAYMENTS = "/api/v1/orders/{orderId}/payments";
    public static final String EXPECTED_CHARGES = "/api/v1/shipments/{shipmentId}/expected-charges";

    private final Set<String> paths;

    private ServiceCapabilities(Set<String> paths) {
        this.paths = paths;
    }

    public static ServiceCapabilities read(WaybillHttp http) throws ApiRejectedException, ServiceUnreachableException {
        JsonNode description = http.get("/v3/api-docs", JsonNode.class);
        Set<String> paths = new HashSet<>();
        JsonNode pathNode = description == null ? null : description.get("paths");
        if (pathNode != null) {
            pathNode.fieldNames().forEachRemaining(path -> paths.add(template(path)));
        }
        return new ServiceCapabilities(paths);
    }

    /** Returns true when the service publishes the path; path parameter names need not match. */
    public boolean offers(String path) {
        return paths.contains(template(path));
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
