package io.waybill.importer.client;

import io.waybill.importer.client.ChargeRequests.ExpectedCharges;

/** Client of the expected carrier charge API: {@code POST /api/v1/shipments/{shipmentId}/expected-charges}. */
public final class ChargeApi {

    private final WaybillHttp http;

    public ChargeApi(WaybillHttp http) {
        this.http = http;
    }

    /** {@code recorded} is false when the service already had this quote reference with the same lines. */
    public record ChargeAnswer(String shipmentId, String reference, boolean recorded) {
    }

    public ChargeAnswer recordExpected(String shipmentId, ExpectedCharges body)
            throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/shipments/" + shipmentId + "/expected-charges", body, ChargeAnswer.class);
    }
}
