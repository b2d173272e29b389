package io.waybill.importer.client;

import io.waybill.importer.client.OrderRequests.CreateShipment;
import io.waybill.importer.client.OrderRequests.Reason;
import io.waybill.importer.client.OrderRequests.ReleaseOrder;

/** Client of the order process API: {@code POST /api/v1/orders} and the actions on one order. */
public final class OrderApi {

    private final WaybillHttp http;

    public OrderApi(WaybillHttp http) {
        this.http = http;
    }

    /** Result of a release: the order id, and whether this request created the order. */
    public record Released(String orderId, boolean created) {
    }

    public record StatusAnswer(String orderId, String status) {
    }

    public record ShipmentCreated(String shipmentId, String orderId, String shipmentNumber, boolean created) {
    }

    public Released release(ReleaseOrder body) throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/orders", body, Released.class);
    }

    public StatusAnswer hold(String orderId, Reason body) throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/orders/" + orderId + "/hold", body, StatusAnswer.class);
    }

    public StatusAnswer cancel(String orderId, Reason body) throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/orders/" + orderId + "/cancel", body, StatusAnswer.class);
    }

    public ShipmentCreated createShipment(String orderId, CreateShipment body)
            throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/orders/" + orderId + "/shipments", body, ShipmentCreated.class);
    }
}
