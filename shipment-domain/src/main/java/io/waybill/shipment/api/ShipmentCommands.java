package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.platform.PlatformFailure;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands the Shipment aggregate handles. Each names its tenant; a mismatch is treated as not found. */
public final class ShipmentCommands {

    private ShipmentCommands() {
    }

    /** Creates a shipment for an order; creating the same shipment again returns it unchanged. */
    public record CreateShipment(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                 OrderId orderId, String shipmentNumber, Instant occurredAt) {
    }

    /**
     * Records that a delivery platform accepted the shipment. Repeating the same tender is a no-op;
     * a tender with other identifiers is rejected as a conflict.
     */
    public record TenderShipment(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                 PartnerId providerId, String providerShipmentId, String trackingNumber,
                                 String carrier, Instant occurredAt) {
    }

    /**
     * Records one partner milestone. {@code sourceEventId} is the partner's id for the event and makes
     * the command idempotent; {@code rawCode} and {@code rawReason} keep what the partner sent.
     */
    public record RecordMilestone(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                  MilestoneCode code, Instant occurredAt, String sourceEventId, String source,
                                  String rawCode, ReasonCode reason, String rawReason, String description,
                                  Location location, ProofOfDelivery proofOfDelivery,
                                  Instant estimatedDelivery, Integer attemptNumber) {
    }

    /**
     * Records what the shipment is expected to cost. Repeating a quote reference with the same lines
     * is a no-op; the same reference with other lines is rejected as a conflict.
     */
    public record RecordExpectedCharges(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                        String quoteReference, List<ChargeLine> lines, Instant occurredAt) {
    }

    /**
     * Records a carrier invoice for the shipment. Repeating an invoice reference with the same lines is
     * a no-op; the same reference with other lines is rejected as a conflict.
     */
    public record RecordCarrierInvoice(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                       PartnerId carrierId, String invoiceReference, List<ChargeLine> lines,
                                       Instant occurredAt) {
    }

    /**
     * Asks a delivery platform to create the shipment. The request is recorded here and sent by the
     * platform adapter afterwards. Repeating a {@code requestId} is a no-op, and a shipment that is
     * already tendered records no new request.
     */
    public record RequestPlatformShipment(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                          String requestId, PartnerId platformId, Instant occurredAt) {
    }

    /** Asks the platform the shipment was tendered to for another delivery attempt; a repeated {@code requestId} is a no-op. */
    public record RequestRedelivery(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                    String requestId, Instant occurredAt) {
    }

    /**
     * Asks the platform the shipment was tendered to for a return to the sender. A repeated
     * {@code requestId}, or a return that is already under way, records nothing new.
     */
    public record RequestReturn(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                String requestId, String reason, Instant occurredAt) {
    }

    /** Withdraws the return under way and notifies the platform under {@code requestId}; without a return it is a no-op. */
    public record CancelReturn(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                               String requestId, String reason, Instant occurredAt) {
    }

    /** Asks the platform to cancel whatever request {@code cancelledRequestId} may have created there. */
    public record CancelPlatformRequest(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                        String requestId, String cancelledRequestId, String reason,
                                        Instant occurredAt) {
    }

    /** Records that the platform accepted a request; a request that already has an outcome is left as it is. */
    public record RecordPlatformAcceptance(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                           String requestId, String platformReference, String trackingNumber,
                                           String carrier, Instant occurredAt) {
    }

    /** Records that a request failed at the platform; a request that already has an outcome is left as it is. */
    public record RecordPlatformRejection(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                          String requestId, PlatformFailure failure, String code, String reason,
                                          Instant occurredAt) {
    }

    /** Opens a customer-service case; a repeated {@code caseId} is a no-op. */
    public record OpenCustomerServiceCase(@TargetAggregateIdentifier ShipmentId shipmentId, TenantId tenantId,
                                          String caseId, CustomerServiceCaseType caseType, String reason,
                                          Instant occurredAt) {
    }

    /** Result of a platform request or case command: whether this call recorded something new. */
    public record PlatformRequestOutcome(ShipmentId shipmentId, String requestId, boolean recorded) {
    }

    /** Result of a charge command: whether it recorded anything, or repeated what was already there. */
    public record ChargeOutcome(ShipmentId shipmentId, String reference, boolean recorded) {
    }

    /** Result of {@link CreateShipment}: the shipment id and whether this call created it. */
    public record CreateOutcome(ShipmentId shipmentId, boolean created) {
    }

    /** Result of {@link RecordMilestone}, with the shipment's state after it. */
    public record MilestoneResult(ShipmentId shipmentId, String sourceEventId, MilestoneOutcome outcome,
                                  ShipmentStatus currentStatus, int failedAttempts) {
    }
}
