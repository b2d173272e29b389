package io.waybill.order.api;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands the Order aggregate handles. Each names its tenant; a mismatch is treated as not found. */
public final class OrderCommands {

    private OrderCommands() {
    }

    /**
     * Releases an ERP order for fulfilment. Sending the same release twice returns the existing
     * order; the same ERP order number with different content is rejected as a conflict.
     */
    public record ReleaseOrder(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                               String erpOrderNumber, String customerReference, Address shipTo,
                               List<OrderLine> lines, Currency currency, PromisedDelivery promisedDelivery,
                               ServiceLevel serviceLevel, BigDecimal parcelWeightKg, Instant releasedAt) {
    }

    public record PlaceOrderOnHold(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                   String reason, Instant occurredAt) {
    }

    public record ReleaseOrderHold(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                   String reason, Instant occurredAt) {
    }

    /** Cancels an order; rejected once one of its shipments has been handed to a carrier. */
    public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                              String reason, Instant occurredAt) {
    }

    /**
     * Tells the order that a carrier took one of its shipments. Sent by the shipment side when the
     * first pick-up or later milestone is recorded; it never fails, so it cannot block that milestone.
     */
    public record RecordCarrierHandover(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                        String shipmentId, Instant occurredAt) {
    }

    /**
     * Records a customer payment against the order. Repeating a payment reference with the same
     * content is a no-op; the same reference with other content is rejected as a conflict. The amount
     * must be positive and in the order currency; {@code installments} runs from 1 to 99.
     */
    public record RecordPayment(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                String paymentReference, PaymentMethod method, Money amount, int installments,
                                Instant occurredAt) {
    }

    /** Result of {@link RecordPayment}: whether this call recorded the payment or repeated it. */
    public record PaymentOutcome(OrderId orderId, String paymentReference, boolean recorded) {
    }

    /** Result of {@link ReleaseOrder}: the order id and whether this call created it. */
    public record ReleaseOutcome(OrderId orderId, boolean created) {
    }
}
