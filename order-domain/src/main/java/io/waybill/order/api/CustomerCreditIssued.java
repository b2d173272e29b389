package io.waybill.order.api;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The customer was credited {@code amount}. {@code creditId} identifies the credit; a reversal refers to it. */
@Revision("1")
public record CustomerCreditIssued(OrderId orderId, TenantId tenantId, String creditId, String shipmentId, Money amount, String reason, Instant occurredAt)
        implements OrderEvent {
}
