package io.waybill.order.api;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An issued credit was reversed by this counter-entry of the same {@code amount}; the credit itself stays on record. */
@Revision("1")
public record CustomerCreditReversed(OrderId orderId, TenantId tenantId, String creditId, Money amount, String reason, Instant occurredAt)
        implements OrderEvent {
}
