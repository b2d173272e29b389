package io.waybill.importer.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Client of the audit API: the stored event history of one order or shipment. */
public final class AuditApi {

    private final WaybillHttp http;

    public AuditApi(WaybillHttp http) {
        this.http = http;
    }

    /** {@code {aggregateId, aggregateType, eventCount, events[]}}; each event has {@code type} and {@code payload}. */
    public JsonNode orderHistory(String orderId) throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/orders/" + orderId + "/history", JsonNode.class);
    }

    public JsonNode shipmentHistory(String shipmentId) throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/shipments/" + shipmentId + "/history", JsonNode.class);
    }
}
