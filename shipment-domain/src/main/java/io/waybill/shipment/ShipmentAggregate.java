package io.waybill.shipment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.CarrierInvoiceRecorded;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.CustomerServiceCaseOpened;
import io.waybill.shipment.api.ExpectedChargesRecorded;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.PlatformCancellationRequested;
import io.waybill.shipment.api.PlatformRequestAccepted;
import io.waybill.shipment.api.PlatformRequestRejected;
import io.waybill.shipment.api.PlatformShipmentRequested;
import io.waybill.shipment.api.RedeliveryRequested;
import io.waybill.shipment.api.ReturnCancelled;
import io.waybill.shipment.api.ReturnRequested;
import io.waybill.shipment.api.ShipmentCommands.CancelPlatformRequest;
import io.waybill.shipment.api.ShipmentCommands.CancelReturn;
import io.waybill.shipment.api.ShipmentCommands.ChargeOutcome;
import io.waybill.shipment.api.ShipmentCommands.CreateOutcome;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.OpenCustomerServiceCase;
import io.waybill.shipment.api.ShipmentCommands.PlatformRequestOutcome;
import io.waybill.shipment.api.ShipmentCommands.RecordCarrierInvoice;
import io.waybill.shipment.api.ShipmentCommands.RecordExpectedCharges;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformAcceptance;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformRejection;
import io.waybill.shipment.api.ShipmentCommands.RequestPlatformShipment;
import io.waybill.shipment.api.ShipmentCommands.RequestRedelivery;
import io.waybill.shipment.api.ShipmentCommands.RequestReturn;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import io.waybill.shipment.api.platform.PlatformOperation;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A shipment from creation to its terminal milestone. Milestones arrive late, twice and out of
 * order: every distinct one is recorded, and {@link MilestoneDecision} works out what it does to
 * the current status.
 */
class ShipmentAggregate {

    @AggregateIdentifier
    private ShipmentId shipmentId;
    private TenantId tenantId;
    private OrderId orderId;
    private String shipmentNumber;
    private PartnerId providerId;
    private String providerShipmentId;
    private String trackingNumber;
    private String carrier;
    private ShipmentStatus status;
    private Instant statusOccurredAt;
    private int failedAttempts;
    private final Set<String> sourceEventIds = new HashSet<>();
    private final Map<String, List<ChargeLine>> quotes = new HashMap<>();
    private final Map<String, List<ChargeLine>> invoices = new HashMap<>();
    private final Map<String, PlatformRequest> platformRequests = new HashMap<>();
    private String activeReturnRequestId;
    private final Set<String> customerServiceCases = new HashSet<>();

    ShipmentAggregate() {
        // Required by Axon to rebuild the aggregate from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CreateOutcome handle(CreateShipment command) {
        CommandRules.validate(command);
        if (shipmentId != null) {
            requireTenant(command.tenantId());
            return new CreateOutcome(shipmentId, false);
        }
        apply(new ShipmentCreated(command.shipmentId(), command.tenantId(), command.orderId(),
                command.shipmentNumber(), command.occurredAt()));
        return new CreateOutcome(command.shipmentId(), true);
    }

    @CommandHandler
    ShipmentStatus handle(TenderShipment command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (providerId != null) {
            if (sameTender(command)) {
                return status;
            }
            String field = !providerId.equals(command.providerId()) ? "providerId"
                    : !Objects.equals(trackingNumber, command.trackingNumber()) ? "trackingNumber"
                    : !Objects.equals(providerShipmentId, command.providerShipmentId()) ? "providerShipmentId"
                    : "carrier";
            throw new ConflictException(
                    "shipment " + shipmentId + " is already tendered to " + providerId + " with tracking number "
                            + trackingNumber,
                    field, String.valueOf(fieldValue(command, field)),
                    "repeat the original tender, or create a new shipment for another provider");
        }
        if (status.isTerminal()) {
            throw new ConflictException("shipment " + shipmentId + " is " + status + " and cannot be tendered",
                    "shipmentId", shipmentId.toString(), "create a new shipment for the order");
        }
        apply(new ShipmentTendered(shipmentId, tenantId, orderId, command.providerId(),
                command.providerShipmentId(), command.trackingNumber(), command.carrier(), command.occurredAt()));
        return status;
    }

    @CommandHandler
    MilestoneResult handle(RecordMilestone command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (sourceEventIds.contains(command.sourceEventId())) {
            return MilestoneDecision.duplicate(shipmentId, command.sourceEventId(), status, failedAttempts);
        }
        MilestoneDecision decision = MilestoneDecision.decide(status, statusOccurredAt, failedAttempts, command);
        apply(decision.toEvent(shipmentId, tenantId, orderId, command));
        return decision.result(shipmentId, command.sourceEventId());
    }

    @CommandHandler
    ChargeOutcome handle(RecordExpectedCharges command) {
        requireTenant(command.tenantId());
        ChargeRules.validate("quoteReference", command.quoteReference(), command.lines());
        if (repeatsDocument(quotes, "quoteReference", command.quoteReference(), command.lines())) {
            return new ChargeOutcome(shipmentId, command.quoteReference(), false);
        }
        apply(new ExpectedChargesRecorded(shipmentId, tenantId, orderId, command.quoteReference(),
                List.copyOf(command.lines()), command.occurredAt()));
        return new ChargeOutcome(shipmentId, command.quoteReference(), true);
    }

    @CommandHandler
    ChargeOutcome handle(RecordCarrierInvoice command) {
        requireTenant(command.tenantId());
        ChargeRules.validate("invoiceReference", command.invoiceReference(), command.lines());
        if (command.carrierId() == null) {
            throw new InvalidValueException("carrierId", null, "give the carrier that sent the invoice");
        }
        if (repeatsDocument(invoices, "invoiceReference", command.invoiceReference(), command.lines())) {
            return new ChargeOutcome(shipmentId, command.invoiceReference(), false);
        }
        apply(new CarrierInvoiceRecorded(shipmentId, tenantId, orderId, command.carrierId(),
                command.invoiceReference(), List.copyOf(command.lines()), command.occurredAt()));
        return new ChargeOutcome(shipmentId, command.invoiceReference(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(RequestPlatformShipment command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (platformRequests.containsKey(command.requestId()) || providerId != null) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        if (status.isTerminal()) {
            throw new ConflictException("shipment " + shipmentId + " is " + status + " and cannot be sent to a platform",
                    "shipmentId", shipmentId.toString(), "create a new shipment for the order");
        }
        apply(new PlatformShipmentRequested(shipmentId, tenantId, orderId, command.requestId(),
                command.platformId(), command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(RequestRedelivery command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (platformRequests.containsKey(command.requestId())) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        requireTendered("request a redelivery");
        if (status.isTerminal()) {
            throw new ConflictException("shipment " + shipmentId + " is " + status + "; no redelivery is possible",
                    "shipmentId", shipmentId.toString(), "request a redelivery only before the shipment is delivered");
        }
        apply(new RedeliveryRequested(shipmentId, tenantId, orderId, command.requestId(), providerId,
                providerShipmentId, trackingNumber, failedAttempts, command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(RequestReturn command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (platformRequests.containsKey(command.requestId()) || activeReturnRequestId != null) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        requireTendered("request a return");
        apply(new ReturnRequested(shipmentId, tenantId, orderId, command.requestId(), providerId, providerShipmentId,
                trackingNumber, command.reason(), command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(CancelReturn command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (platformRequests.containsKey(command.requestId()) || activeReturnRequestId == null) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        apply(new ReturnCancelled(shipmentId, tenantId, orderId, command.requestId(), activeReturnRequestId,
                providerId, providerShipmentId, command.reason(), command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(CancelPlatformRequest command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (platformRequests.containsKey(command.requestId())) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        PlatformRequest cancelled = requireRequest("cancelledRequestId", command.cancelledRequestId());
        apply(new PlatformCancellationRequested(shipmentId, tenantId, orderId, command.requestId(),
                command.cancelledRequestId(), cancelled.operation(), cancelled.platformId(), command.reason(),
                command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(RecordPlatformAcceptance command) {
        requireTenant(command.tenantId());
        PlatformRequest request = requireRequest("requestId", command.requestId());
        CommandRules.validate(command, request.operation());
        if (request.resolved()) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        apply(new PlatformRequestAccepted(shipmentId, tenantId, orderId, command.requestId(), request.platformId(),
                request.operation(), command.platformReference(), command.trackingNumber(), command.carrier(),
                command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(RecordPlatformRejection command) {
        requireTenant(command.tenantId());
        PlatformRequest request = requireRequest("requestId", command.requestId());
        CommandRules.validate(command);
        if (request.resolved()) {
            return new PlatformRequestOutcome(shipmentId, command.requestId(), false);
        }
        apply(new PlatformRequestRejected(shipmentId, tenantId, orderId, command.requestId(), request.platformId(),
                request.operation(), command.failure(), command.code(), command.reason(), command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.requestId(), true);
    }

    @CommandHandler
    PlatformRequestOutcome handle(OpenCustomerServiceCase command) {
        requireTenant(command.tenantId());
        CommandRules.validate(command);
        if (customerServiceCases.contains(command.caseId())) {
            return new PlatformRequestOutcome(shipmentId, command.caseId(), false);
        }
        apply(new CustomerServiceCaseOpened(shipmentId, tenantId, orderId, command.caseId(), command.caseType(),
                command.reason(), command.occurredAt()));
        return new PlatformRequestOutcome(shipmentId, command.caseId(), true);
    }

    @EventSourcingHandler
    void on(ShipmentCreated event) {
        shipmentId = event.shipmentId();
        tenantId = event.tenantId();
        orderId = event.orderId();
        shipmentNumber = event.shipmentNumber();
        status = ShipmentStatus.CREATED;
    }

    @EventSourcingHandler
    void on(ShipmentTendered event) {
        providerId = event.providerId();
        providerShipmentId = event.providerShipmentId();
        trackingNumber = event.trackingNumber();
        carrier = event.carrier();
        if (status == ShipmentStatus.CREATED) {
            status = ShipmentStatus.TENDERED;
        }
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event) {
        sourceEventIds.add(event.sourceEventId());
        failedAttempts = event.failedAttempts();
        if (event.statusAfter() != event.statusBefore()) {
            status = event.statusAfter();
            statusOccurredAt = event.occurredAt();
        } else if (!event.late() && !event.conflict() && ShipmentStatus.reachedBy(event.code()) == status
                && (statusOccurredAt == null || event.occurredAt().isAfter(statusOccurredAt))) {
            statusOccurredAt = event.occurredAt();
        }
    }

    @EventSourcingHandler
    void on(ExpectedChargesRecorded event) {
        quotes.put(event.quoteReference(), event.lines());
    }

    @EventSourcingHandler
    void on(CarrierInvoiceRecorded event) {
        invoices.put(event.invoiceReference(), event.lines());
    }

    @EventSourcingHandler
    void on(PlatformShipmentRequested event) {
        platformRequests.put(event.requestId(), new PlatformRequest(event.platformId(),
                PlatformOperation.CREATE_SHIPMENT, false));
    }

    @EventSourcingHandler
    void on(RedeliveryRequested event) {
        platformRequests.put(event.requestId(), new PlatformRequest(event.platformId(),
                PlatformOperation.REDELIVERY, false));
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        platformRequests.put(event.requestId(), new PlatformRequest(event.platformId(), PlatformOperation.RETURN,
                false));
        activeReturnRequestId = event.requestId();
    }

    @EventSourcingHandler
    void on(ReturnCancelled event) {
        platformRequests.put(event.requestId(), new PlatformRequest(event.platformId(), PlatformOperation.CANCEL,
                false));
        activeReturnRequestId = null;
    }

    @EventSourcingHandler
    void on(PlatformCancellationRequested event) {
        platformRequests.put(event.requestId(), new PlatformRequest(event.platformId(), PlatformOperation.CANCEL,
                false));
    }

    @EventSourcingHandler
    void on(PlatformRequestAccepted event) {
        platformRequests.computeIfPresent(event.requestId(), (id, request) -> request.resolve());
    }

    @EventSourcingHandler
    void on(PlatformRequestRejected event) {
        platformRequests.computeIfPresent(event.requestId(), (id, request) -> request.resolve());
        if (event.requestId().equals(activeReturnRequestId)) {
            activeReturnRequestId = null;
        }
    }

    @EventSourcingHandler
    void on(CustomerServiceCaseOpened event) {
        customerServiceCases.add(event.caseId());
    }

    /** Returns true for an exact repeat of a stored document; rejects a changed one with the same reference. */
    private static boolean repeatsDocument(Map<String, List<ChargeLine>> documents, String field, String reference,
                                           List<ChargeLine> lines) {
        List<ChargeLine> stored = documents.get(reference);
        if (stored == null) {
            return false;
        }
        if (stored.equals(lines)) {
            return true;
        }
        throw new ConflictException(field + " " + reference + " was already recorded with other lines", field,
                reference, "send the original lines again, or give the corrected document a new reference");
    }

    private boolean sameTender(TenderShipment command) {
        return providerId.equals(command.providerId())
                && Objects.equals(providerShipmentId, command.providerShipmentId())
                && Objects.equals(trackingNumber, command.trackingNumber())
                && Objects.equals(carrier, command.carrier());
    }

    private static Object fieldValue(TenderShipment command, String field) {
        return switch (field) {
            case "providerId" -> command.providerId();
            case "trackingNumber" -> command.trackingNumber();
            case "providerShipmentId" -> command.providerShipmentId();
            default -> command.carrier();
        };
    }

    private void requireTenant(TenantId caller) {
        if (!tenantId.equals(caller)) {
            throw new NotFoundException("shipmentId", shipmentId.toString());
        }
    }

    private void requireTendered(String action) {
        if (providerId == null) {
            throw new ConflictException("shipment " + shipmentId + " was never tendered to a delivery platform",
                    "shipmentId", shipmentId.toString(), "tender the shipment before asking to " + action);
        }
    }

    private PlatformRequest requireRequest(String field, String requestId) {
        PlatformRequest request = requestId == null ? null : platformRequests.get(requestId);
        if (request == null) {
            throw new NotFoundException(field, requestId);
        }
        return request;
    }

    /** A request recorded for a delivery platform, and whether its outcome is known yet. */
    private record PlatformRequest(PartnerId platformId, PlatformOperation operation, boolean resolved) {

        PlatformRequest resolve() {
            return new PlatformRequest(platformId, operation, true);
        }
    }
}
