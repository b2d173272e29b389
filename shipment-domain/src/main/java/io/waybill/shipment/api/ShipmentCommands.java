package io.waybill.shipment.api;

import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
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
