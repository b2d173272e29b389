package io.waybill.settlement.journal;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a financial event means for the books and for the ERP.
 *
 * @param kind       the posting and journal type, for example {@code CUSTOMER_PAYMENT}
 * @param shipmentId the shipment the money belongs to, or null for order-level money
 * @param reference  the document reference (payment reference, invoice reference)
 * @param amount     the document total, signed as the document states it
 * @param journal    the balanced booking, or null when the document books nothing (all amounts zero)
 * @param postToErp  whether the ERP gets a posting; false for facts the ERP itself originated
 * @param details    type-specific fields for the ERP posting document
 */
public record FinancialFact(String kind, TenantId tenantId, OrderId orderId, UUID shipmentId, String reference,
                            Money amount, Instant occurredAt, JournalEntry journal, boolean postToErp,
                            Map<String, Object> details) {
}
