package io.waybill.shipment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.CustomerCreditIssued;
import io.waybill.order.api.CustomerCreditReversed;
import io.waybill.order.api.OrderCommands.CancelOrderReturn;
import io.waybill.order.api.OrderCommands.IssueCustomerCredit;
import io.waybill.order.api.OrderCommands.MarkOrderReturnPending;
import io.waybill.order.api.OrderCommands.RestockOrder;
import io.waybill.order.api.OrderCommands.ReverseCustomerCredit;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.CustomerServiceCaseType;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.PlatformRequestRejected;
import io.waybill.shipment.api.ShipmentCommands.CancelReturn;
import io.waybill.shipment.api.ShipmentCommands.OpenCustomerServiceCase;
import io.waybill.shipment.api.ShipmentCommands.RequestRedelivery;
import io.waybill.shipment.api.ShipmentCommands.RequestReturn;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentTendered;
import io.waybill.shipment.api.platform.PlatformOperation;
import io.waybill.shipment.api.policy.FailedDeliveryPolicy;
import io.waybill.shipment.api.policy.ProcessPolicies;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Follows a tendered shipment from its first failed delivery attempt to delivery or return.
 *
 * <ol>
 *   <li>After each failed attempt below the tenant's maximum, the saga asks the platform for a
 *       redelivery and sets a deadline of {@code redeliveryDeadline} from the time the ledger
 *       recorded that attempt.</li>
 *   <li>When the attempts reach the maximum, or the deadline passes without delivery, it requests
 *       the return, marks the order return-pending and opens a customer-service case.</li>
 *   <li>RETURNED_TO_SENDER restocks the order and credits the customer.</li>
 *   <li>A DELIVERED after the return started compensates: the return is cancelled (or, when the
 *       goods were already restocked, a case is opened) and an issued credit is reversed.</li>
 *   <li>A platform that rejects the return, or never answers, opens an exception case.</li>
 * </ol>
 *
 * The saga ends at delivery, at cancellation, or when {@code lateDeliveryWindow} has passed after a
 * completed return. Every command carries an id derived from the shipment, so handling an event
 * twice records nothing twice and asks no platform twice. Like the routing saga, its fields are
 * stored by Jackson through {@code @JsonAutoDetect}, and injected resources are transient.
 */
@ProcessingGroup(FailedDeliverySaga.PROCESSING_GROUP)
@DisallowReplay
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class FailedDeliverySaga {

    static final String PROCESSING_GROUP = "failed-delivery-saga";
    static final String REDELIVERY_DEADLINE = "redelivery-deadline";
    static final String LATE_DELIVERY_WINDOW = "late-delivery-window";

    /** Payload of the redelivery deadline; {@code due} is when it was set to pass. */
    record RedeliveryDeadline(ShipmentId shipmentId, int failedAttempts, Instant due) {
    }

    /** Payload of the deadline after which a late delivery is no longer compensated. */
    record LateDeliveryWindowEnd(ShipmentId shipmentId, Instant due) {
    }

    @Inject
    transient CommandGateway commandGateway;
    @Inject
    transient DeadlineManager deadlineManager;
    @Inject
    transient ProcessPolicies processPolicies;

    private ShipmentId shipmentId;
    private OrderId orderId;
    private TenantId tenantId;
    private int maxAttempts;
    private Duration redeliveryDeadline;
    private Duration lateDeliveryWindow;
    private int failedAttempts;
    private String redeliveryDeadlineId;
    private String lateDeliveryDeadlineId;
    private boolean returnStarted;
    private boolean returnCompleted;
    private boolean deliveredAfterReturn;
    private boolean creditRequested;
    private boolean creditIssued;

    /**
     * Used by Axon, which creates sagas reflectively without overriding access checks; that is why
     * this class is public while its handlers are not.
     */
    public FailedDeliverySaga() {
        // State is assigned by the handlers or restored from the saga store.
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "shipmentId")
    void on(ShipmentTendered event) {
        if (shipmentId != null) {
            return;
        }
        FailedDeliveryPolicy policy = processPolicies.failedDelivery(event.tenantId());
        if (!policy.enabled()) {
            SagaLifecycle.end();
            return;
        }
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        tenantId = event.tenantId();
        maxAttempts = policy.maxAttempts();
        redeliveryDeadline = policy.redeliveryDeadline();
        lateDeliveryWindow = policy.lateDeliveryWindow();
        SagaLifecycle.associateWith("orderId", orderId.toString());
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(MilestoneRecorded event, @Timestamp Instant recordedAt) {
        switch (event.code()) {
            case DELIVERY_ATTEMPT_FAILED -> onFailedAttempt(event, recordedAt);
            case DELIVERED -> onDelivered(event, recordedAt);
            case RETURNED_TO_SENDER -> onReturnedToSender(recordedAt);
            case CANCELLED -> onCancelled();
            default -> {
                // Other milestones neither deliver nor return the shipment.
            }
        }
    }

    @DeadlineHandler(deadlineName = REDELIVERY_DEADLINE)
    void on(RedeliveryDeadline deadline) {
        redeliveryDeadlineId = null;
        if (!returnStarted && deadline.failedAttempts() == failedAttempts) {
            startReturn("not delivered within " + describe(redeliveryDeadline) + " of the redelivery request after "
                    + failedAttempts + " failed attempt(s)", deadline.due());
        }
    }

    @DeadlineHandler(deadlineName = LATE_DELIVERY_WINDOW)
    void on(LateDeliveryWindowEnd deadline) {
        lateDeliveryDeadlineId = null;
        end();
    }

    @SagaEventHandler(associationProperty = "shipmentId")
    void on(PlatformRequestRejected event, @Timestamp Instant recordedAt) {
        if (event.operation() == PlatformOperation.RETURN && event.requestId().equals(returnRequestId())) {
            String reason = event.platformId() + " did not accept the return: " + event.failure()
                    + (event.reason() == null ? "" : " (" + event.reason() + ")");
            openCase(CustomerServiceCaseType.RETURN_REJECTED, reason, recordedAt);
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(CustomerCreditIssued event, @Timestamp Instant recordedAt) {
        if (!event.creditId().equals(creditId())) {
            return;
        }
        creditIssued = true;
        if (deliveredAfterReturn) {
            reverseCredit(recordedAt);
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(CustomerCreditReversed event) {
        if (event.creditId().equals(creditId())) {
            end();
        }
    }

    private void onFailedAttempt(MilestoneRecorded event, Instant recordedAt) {
        if (returnStarted || event.failedAttempts() <= failedAttempts) {
            return;
        }
        failedAttempts = event.failedAttempts();
        if (failedAttempts >= maxAttempts) {
            startReturn(failedAttempts + " failed delivery attempts, the maximum is " + maxAttempts, recordedAt);
            return;
        }
        SagaCommands.send(commandGateway, new RequestRedelivery(shipmentId, tenantId,
                "redelivery:" + shipmentId + ":" + failedAttempts, recordedAt));
        cancelRedeliveryDeadline();
        Instant due = recordedAt.plus(redeliveryDeadline);
        redeliveryDeadlineId = deadlineManager.schedule(due, REDELIVERY_DEADLINE,
                new RedeliveryDeadline(shipmentId, failedAttempts, due));
    }

    private void onDelivered(MilestoneRecorded event, Instant recordedAt) {
        if (!returnStarted) {
            end();
            return;
        }
        cancelRedeliveryDeadline();
        deliveredAfterReturn = true;
        String reason = "delivered at " + event.occurredAt() + " after the return had started";
        if (returnCompleted) {
            openCase(CustomerServiceCaseType.DELIVERED_AFTER_RESTOCK, reason, recordedAt);
        } else {
            SagaCommands.send(commandGateway, new CancelReturn(shipmentId, tenantId, "cancel-return:" + shipmentId,
                    reason, recordedAt));
            SagaCommands.send(commandGateway, new CancelOrderReturn(orderId, tenantId, shipmentId.toString(),
                    reason, recordedAt));
        }
        if (creditIssued) {
            reverseCredit(recordedAt);
        } else if (!creditRequested) {
            end();
        }
        // A credit that was requested but not yet confirmed is reversed when CustomerCreditIssued arrives.
    }

    private void onReturnedToSender(Instant recordedAt) {
        if (returnCompleted) {
            return;
        }
        cancelRedeliveryDeadline();
        returnStarted = true;
        returnCompleted = true;
        creditRequested = true;
        SagaCommands.send(commandGateway, new RestockOrder(orderId, tenantId, shipmentId.toString(), recordedAt));
        SagaCommands.send(commandGateway, new IssueCustomerCredit(orderId, tenantId, creditId(),
                shipmentId.toString(), "shipment returned to sender", recordedAt));
        Instant due = recordedAt.plus(lateDeliveryWindow);
        lateDeliveryDeadlineId = deadlineManager.schedule(due, LATE_DELIVERY_WINDOW,
                new LateDeliveryWindowEnd(shipmentId, due));
    }

    private void onCancelled() {
        if (!returnStarted) {
            end();
        }
    }

    /** Ends the saga with no deadline left behind; a deadline that already fired is cancelled harmlessly. */
    private void end() {
        cancelRedeliveryDeadline();
        if (lateDeliveryDeadlineId != null) {
            deadlineManager.cancelSchedule(LATE_DELIVERY_WINDOW, lateDeliveryDeadlineId);
            lateDeliveryDeadlineId = null;
        }
        SagaLifecycle.end();
    }

    private void startReturn(String reason, Instant at) {
        returnStarted = true;
        cancelRedeliveryDeadline();
        String shortReason = shorten(reason);
        SagaCommands.send(commandGateway, new RequestReturn(shipmentId, tenantId, returnRequestId(), shortReason,
                at));
        SagaCommands.send(commandGateway, new MarkOrderReturnPending(orderId, tenantId, shipmentId.toString(),
                shortReason, at));
        openCase(CustomerServiceCaseType.RETURN_INITIATED, shortReason, at);
    }

    private void reverseCredit(Instant at) {
        SagaCommands.send(commandGateway, new ReverseCustomerCredit(orderId, tenantId, creditId(),
                "shipment " + shipmentId + " was delivered after its return", at));
    }

    private void openCase(CustomerServiceCaseType type, String reason, Instant at) {
        String caseId = "case:" + shipmentId + ":" + type.name().toLowerCase().replace('_', '-');
        SagaCommands.send(commandGateway, new OpenCustomerServiceCase(shipmentId, tenantId, caseId, type,
                shorten(reason), at));
    }

    private void cancelRedeliveryDeadline() {
        if (redeliveryDeadlineId != null) {
            deadlineManager.cancelSchedule(REDELIVERY_DEADLINE, redeliveryDeadlineId);
            redeliveryDeadlineId = null;
        }
    }

    private String returnRequestId() {
        return "return:" + shipmentId;
    }

    private String creditId() {
        return "credit:" + shipmentId;
    }

    /** Formats a duration as whole hours when it is one, for reasons people read. */
    private static String describe(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 && !duration.isZero()
                ? duration.toHours() + " hours"
                : duration.toSeconds() + " seconds";
    }

    /** Cuts a reason to the 200 characters that shipment and order commands accept. */
    private static String shorten(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 199) + "…";
    }
}
