package io.waybill.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.CustomerCreditIssued;
import io.waybill.order.api.CustomerCreditReversed;
import io.waybill.order.api.OrderCancelled;
import io.waybill.order.api.OrderCommands.CancelOrder;
import io.waybill.order.api.OrderCommands.CancelOrderReturn;
import io.waybill.order.api.OrderCommands.CreditOutcome;
import io.waybill.order.api.OrderCommands.IssueCustomerCredit;
import io.waybill.order.api.OrderCommands.MarkOrderReturnPending;
import io.waybill.order.api.OrderCommands.PaymentOutcome;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderCommands.RecordCarrierHandover;
import io.waybill.order.api.OrderCommands.RecordPayment;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderCommands.ReleaseOrderHold;
import io.waybill.order.api.OrderCommands.ReleaseOutcome;
import io.waybill.order.api.OrderCommands.RestockOrder;
import io.waybill.order.api.OrderCommands.ReverseCustomerCredit;
import io.waybill.order.api.OrderHandedToCarrier;
import io.waybill.order.api.OrderHoldReleased;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderMarkedReturnPending;
import io.waybill.order.api.OrderPlacedOnHold;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.OrderRestocked;
import io.waybill.order.api.OrderReturnCancelled;
import io.waybill.order.api.OrderStatus;
import io.waybill.order.api.PaymentRecorded;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An ERP order from release to hand-over. Command handlers check the rules and apply events;
 * event-sourcing handlers only assign state.
 */
class OrderAggregate {

    @AggregateIdentifier
    private OrderId orderId;
    private TenantId tenantId;
    private String erpOrderNumber;
    private String contentHash;
    private OrderStatus status;
    private final Set<String> shipmentsWithCarrier = new HashSet<>();
    private Currency currency;
    private List<OrderLine> lines = List.of();
    private final Set<String> returnPendingShipments = new LinkedHashSet<>();
    private final Set<String> restockedShipments = new HashSet<>();
    private final Map<String, Money> issuedCredits = new HashMap<>();
    private final Set<String> reversedCredits = new HashSet<>();
    private final Map<String, PaymentRecorded> payments = new HashMap<>();

    OrderAggregate() {
        // Required by Axon to rebuild the aggregate from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReleaseOutcome handle(ReleaseOrder command) {
        ReleaseRules.validate(command);
        String hash = ReleaseRules.contentHash(command);
        if (orderId != null) {
            if (!hash.equals(contentHash)) {
                throw new ConflictException(
                        "ERP order " + erpOrderNumber + " was already released with different content",
                        "erpOrderNumber", erpOrderNumber,
                        "send the original content again, or use a new ERP order number for a changed order");
            }
            return new ReleaseOutcome(orderId, false);
        }
        apply(new OrderReleased(command.orderId(), command.tenantId(), command.erpOrderNumber(),
                command.customerReference(), command.shipTo(), command.lines(), command.currency(),
                OrderReleased.total(command.lines(), command.currency()), command.promisedDelivery(),
                command.serviceLevel(), command.parcelWeightKg(), hash, command.releasedAt()));
        return new ReleaseOutcome(command.orderId(), true);
    }

    @CommandHandler
    OrderStatus handle(PlaceOrderOnHold command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("reason", command.reason());
        if (status == OrderStatus.CANCELLED) {
            throw cancelled("place it on hold");
        }
        if (status != OrderStatus.ON_HOLD) {
            apply(new OrderPlacedOnHold(orderId, tenantId, command.reason(), command.occurredAt()));
        }
        return status;
    }

    @CommandHandler
    OrderStatus handle(ReleaseOrderHold command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("reason", command.reason());
        if (status != OrderStatus.ON_HOLD) {
            throw new ConflictException("order " + orderId + " is " + status + ", not on hold",
                    "status", status.name(), "release a hold only while the order is ON_HOLD");
        }
        apply(new OrderHoldReleased(orderId, tenantId, command.reason(), command.occurredAt()));
        return status;
    }

    @CommandHandler
    OrderStatus handle(CancelOrder command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("reason", command.reason());
        // A repeated cancel is a no-op even when a carrier took a shipment after the cancellation,
        // because OrderHandedToCarrier.afterCancellation already flags that hand-over for review.
        if (status == OrderStatus.CANCELLED) {
            return status;
        }
        if (!shipmentsWithCarrier.isEmpty()) {
            throw new ConflictException(
                    "order " + orderId + " cannot be cancelled: shipment " + shipmentsWithCarrier.iterator().next()
                            + " is already with a carrier",
                    "orderId", orderId.toString(),
                    "ask the carrier to return the shipment instead of cancelling the order");
        }
        apply(new OrderCancelled(orderId, tenantId, command.reason(), command.occurredAt()));
        return status;
    }

    @CommandHandler
    void handle(RecordCarrierHandover command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("shipmentId", command.shipmentId());
        if (!shipmentsWithCarrier.contains(command.shipmentId())) {
            apply(new OrderHandedToCarrier(orderId, tenantId, command.shipmentId(), command.occurredAt(),
                    status == OrderStatus.CANCELLED));
        }
    }

    @CommandHandler
    OrderStatus handle(MarkOrderReturnPending command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("shipmentId", command.shipmentId());
        ReleaseRules.requireText("reason", command.reason());
        if (!returnPendingShipments.contains(command.shipmentId())
                && !restockedShipments.contains(command.shipmentId())) {
            apply(new OrderMarkedReturnPending(orderId, tenantId, command.shipmentId(), command.reason(),
                    command.occurredAt()));
        }
        return status;
    }

    @CommandHandler
    OrderStatus handle(CancelOrderReturn command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("shipmentId", command.shipmentId());
        ReleaseRules.requireText("reason", command.reason());
        if (returnPendingShipments.contains(command.shipmentId())) {
            apply(new OrderReturnCancelled(orderId, tenantId, command.shipmentId(), command.reason(),
                    command.occurredAt()));
        }
        return status;
    }

    @CommandHandler
    OrderStatus handle(RestockOrder command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("shipmentId", command.shipmentId());
        if (!restockedShipments.contains(command.shipmentId())) {
            apply(new OrderRestocked(orderId, tenantId, command.shipmentId(), lines, command.occurredAt()));
        }
        return status;
    }

    @CommandHandler
    CreditOutcome handle(IssueCustomerCredit command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("creditId", command.creditId());
        ReleaseRules.requireText("shipmentId", command.shipmentId());
        ReleaseRules.requireText("reason", command.reason());
        Money issued = issuedCredits.get(command.creditId());
        if (issued != null) {
            return new CreditOutcome(orderId, command.creditId(), issued, false);
        }
        Money amount = CreditRules.uncredited(currency, lines, issuedCredits, reversedCredits);
        if (amount.isZero() || amount.isNegative()) {
            return new CreditOutcome(orderId, command.creditId(), Money.zero(currency), false);
        }
        apply(new CustomerCreditIssued(orderId, tenantId, command.creditId(), command.shipmentId(), amount,
                command.reason(), command.occurredAt()));
        return new CreditOutcome(orderId, command.creditId(), amount, true);
    }

    @CommandHandler
    Money handle(ReverseCustomerCredit command) {
        requireTenant(command.tenantId());
        ReleaseRules.requireText("creditId", command.creditId());
        ReleaseRules.requireText("reason", command.reason());
        Money issued = issuedCredits.get(command.creditId());
        if (issued == null) {
            throw new NotFoundException("creditId", command.creditId());
        }
        if (!reversedCredits.contains(command.creditId())) {
            apply(new CustomerCreditReversed(orderId, tenantId, command.creditId(), issued, command.reason(),
                    command.occurredAt()));
        }
        return issued;
    }

    /**
     * Records a customer payment. A payment is accepted in any order status, because the money has
     * moved whatever happened to the order; reconciliation shows the order as overpaid if it was.
     */
    @CommandHandler
    PaymentOutcome handle(RecordPayment command) {
        requireTenant(command.tenantId());
        PaymentRules.validate(command, currency);
        PaymentRecorded recorded = payments.get(command.paymentReference());
        if (recorded != null) {
            if (!PaymentRules.sameContent(recorded, command)) {
                throw new ConflictException("payment " + command.paymentReference()
                        + " was already recorded with other content", "paymentReference",
                        command.paymentReference(),
                        "send the original payment again, or give a different payment a new reference");
            }
            return new PaymentOutcome(orderId, command.paymentReference(), false);
        }
        apply(new PaymentRecorded(orderId, tenantId, command.paymentReference(), command.method(),
                command.amount(), command.installments(), command.occurredAt()));
        return new PaymentOutcome(orderId, command.paymentReference(), true);
    }

    @EventSourcingHandler
    void on(OrderReleased event) {
        orderId = event.orderId();
        tenantId = event.tenantId();
        erpOrderNumber = event.erpOrderNumber();
        contentHash = event.contentHash();
        status = OrderStatus.RELEASED;
        currency = event.currency();
        lines = List.copyOf(event.lines());
    }

    @EventSourcingHandler
    void on(OrderPlacedOnHold event) {
        status = OrderStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(OrderHoldReleased event) {
        status = OrderStatus.RELEASED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderHandedToCarrier event) {
        shipmentsWithCarrier.add(event.shipmentId());
    }

    @EventSourcingHandler
    void on(OrderMarkedReturnPending event) {
        returnPendingShipments.add(event.shipmentId());
        if (status != OrderStatus.CANCELLED) {
            status = OrderStatus.RETURN_PENDING;
        }
    }

    @EventSourcingHandler
    void on(OrderReturnCancelled event) {
        returnPendingShipments.remove(event.shipmentId());
        if (status == OrderStatus.RETURN_PENDING && returnPendingShipments.isEmpty()) {
            status = restockedShipments.isEmpty() ? OrderStatus.RELEASED : OrderStatus.RETURNED;
        }
    }

    @EventSourcingHandler
    void on(OrderRestocked event) {
        returnPendingShipments.remove(event.shipmentId());
        restockedShipments.add(event.shipmentId());
        if (status != OrderStatus.CANCELLED && returnPendingShipments.isEmpty()) {
            status = OrderStatus.RETURNED;
        }
    }

    @EventSourcingHandler
    void on(CustomerCreditIssued event) {
        issuedCredits.put(event.creditId(), event.amount());
    }

    @EventSourcingHandler
    void on(CustomerCreditReversed event) {
        reversedCredits.add(event.creditId());
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentReference(), event);
    }

    private void requireTenant(TenantId caller) {
        if (!tenantId.equals(caller)) {
            throw new NotFoundException("orderId", orderId.toString());
        }
    }

    private ConflictException cancelled(String action) {
        return new ConflictException("order " + orderId + " is cancelled", "status", status.name(),
                "a cancelled order cannot " + action + "; release a new order instead");
    }
}
