package io.waybill.order.api;

import io.waybill.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Currency;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An ERP order was released for fulfilment. {@code contentHash} fingerprints the release so a repeat can be told from a change. */
@Revision("1")
public record OrderReleased(OrderId orderId, TenantId tenantId, String erpOrderNumber, String customerReference, Address shipTo, List<OrderLine> lines, Currency currency, PromisedDelivery promisedDelivery, ServiceLevel serviceLevel, BigDecimal parcelWeightKg, String contentHash, Instant occurredAt) implements OrderEvent {
}
