package io.waybill.order.api;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer payment against the order. {@code paymentReference} is the payment provider's or
 * the ERP's id of the payment; one event is recorded per distinct reference. {@code installments}
 * is the number of instalments the customer pays the amount in (1 for a single payment); the
 * amount is the whole payment, not one instalment.
 */
@Revision("1")
public record PaymentRecorded(OrderId orderId, TenantId tenantId, String paymentReference, PaymentMethod method,
                              Money amount, int installments, Instant occurredAt) implements OrderEvent {
}
