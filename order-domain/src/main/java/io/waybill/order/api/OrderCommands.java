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
     * Marks the order as waiting for one of its shipments to come back. Repeating it for a shipment
     * that is already return-pending is a no-op.
     */
    public record MarkOrderReturnPending(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                         String shipmentId, String reason, Instant occurredAt) {
    }

    /**
     * Withdraws a pending return, for example because the shipment was delivered after all. A
     * shipment that is not return-pending is left as it is.
     */
    public record CancelOrderReturn(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                    String shipmentId, String reason, Instant occurredAt) {
    }

    /** Records that a returned shipment's goods are back in stock. Repeating it for the same shipment is a no-op. */
    public record RestockOrder(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId, String shipmentId,
                               Instant occurredAt) {
    }

    /**
     * Credits the customer with the order value that has not been credited yet. {@code creditId} is
     * chosen by the sender and makes the command idempotent: the same id never credits twice.
     */
    public record IssueCustomerCredit(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                      String creditId, String shipmentId, String reason, Instant occurredAt) {
    }

    /**
     * Reverses an issued credit with a counter-entry; the credit itself stays on record. Reversing
     * the same credit again is a no-op.
     */
    public record ReverseCustomerCredit(@TargetAggregateIdentifier OrderId orderId, TenantId tenantId,
                                        String creditId, String reason, Instant occurredAt) {
    }

    /** Result of {@link IssueCustomerCredit}: the amount credited, and whether this call issued it. */
    public record CreditOutcome(OrderId orderId, String creditId, Money amount, boolean issued) {

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
