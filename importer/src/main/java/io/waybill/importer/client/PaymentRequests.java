package io.waybill.importer.client;

import java.math.BigDecimal;
import java.time.Instant;

/** Bodies of the customer payment API. */
public final class PaymentRequests {

    private PaymentRequests() {
    }

    /** One customer payment of an order; {@code paymentReference} makes it idempotent. */
    public record RecordPayment(String paymentReference, String method, BigDecimal amount, String currency,
                                int installments, Instant occurredAt) {
    }
}
