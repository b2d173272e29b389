package io.waybill.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Client of the read-model queries and the projection status that the report needs. */
public final class QueryApi {

    private final WaybillHttp http;

    public QueryApi(WaybillHttp http) {
        this.http = http;
    }

    /** One page of the tenant's shipments: {@code {items[], nextCursor}}; a {@code null} cursor starts at the first. */
    public JsonNode shipments(String cursor, int limit) throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/shipments?limit=" + limit + cursorParameter(cursor), JsonNode.class);
    }

    /** One page of the orders whose reconciliation category is {@code category}. */
    public JsonNode mismatches(String category, String cursor, int limit)
            throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/reconciliation/mismatches?category=" + category + "&limit=" + limit
                + cursorParameter(cursor), JsonNode.class);
    }

    /** KPI rows per carrier, region and day, for shipments created from {@code from} to {@code to}. */
    public JsonNode kpis(LocalDate from, LocalDate to) throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/kpis?from=" + from + "&to=" + to, JsonNode.class);
    }

    /** Expected and invoiced carrier charges per carrier and day of shipment creation. */
    public JsonNode carrierDays(LocalDate from, LocalDate to) throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/reconciliation/carrier-days?from=" + from + "&to=" + to, JsonNode.class);
    }

    public JsonNode trialBalance() throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/journal/trial-balance", JsonNode.class);
    }

    /** Status of every projection: {@code {projections[{name, caughtUp, replaying, position, head, ...}]}}. */
    public JsonNode projections() throws ApiRejectedException, ServiceUnreachableException {
        return http.get("/api/v1/admin/projections", JsonNode.class);
    }

    private static String cursorParameter(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
