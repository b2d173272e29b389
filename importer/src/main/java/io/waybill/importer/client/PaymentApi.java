package io.waybill.importer.client;

import io.waybill.importer.client.PaymentRequests.RecordPayment;

/** Client of the customer payment API: {@code POST /api/v1/orders/{orderId}/payments}. */
public final class PaymentApi {

    private final WaybillHttp http;

    public PaymentApi(WaybillHttp http) {
        this.http = http;
    }

    /** {@code recorded} is false when the service already had this payment reference with the same content. */
    public record PaymentAnswer(String orderId, String paymentReference, boolean recorded) {
    }

    public PaymentAnswer record(String orderId, RecordPayment body)
            throws ApiRejectedException, ServiceUnreachableException {
        return http.post("/api/v1/orders/" + orderId + "/payments", body, PaymentAnswer.class);
    }
}
