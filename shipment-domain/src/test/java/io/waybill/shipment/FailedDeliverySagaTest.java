package io.waybill.shipment;

import static io.waybill.shipment.SagaTestData.FAILED_DELIVERY;
import static io.waybill.shipment.SagaTestData.NOW;
import static io.waybill.shipment.SagaTestData.ORDER_ID;
import static io.waybill.shipment.SagaTestData.ROUTING;
import static io.waybill.shipment.SagaTestData.SANDBOX;
import static io.waybill.shipment.SagaTestData.SHIPMENT_ID;
import static io.waybill.shipment.SagaTestData.TENANT;
import static io.waybill.shipment.SagaTestData.failedAttempt;
import static io.waybill.shipment.SagaTestData.milestone;
import static io.waybill.shipment.SagaTestData.policies;
import static io.waybill.shipment.SagaTestData.rejected;
import static io.waybill.shipment.SagaTestData.tendered;

import io.waybill.kernel.Money;
import io.waybill.order.api.CustomerCreditIssued;
import io.waybill.order.api.CustomerCreditReversed;
import io.waybill.order.api.OrderCommands.CancelOrderReturn;
import io.waybill.order.api.OrderCommands.IssueCustomerCredit;
import io.waybill.order.api.OrderCommands.MarkOrderReturnPending;
import io.waybill.order.api.OrderCommands.RestockOrder;
import io.waybill.order.api.OrderCommands.ReverseCustomerCredit;
import io.waybill.shipment.FailedDeliverySaga.RedeliveryDeadline;
import io.waybill.shipment.api.CustomerServiceCaseType;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ShipmentCommands.CancelReturn;
import io.waybill.shipment.api.ShipmentCommands.OpenCustomerServiceCase;
import io.waybill.shipment.api.ShipmentCommands.RequestRedelivery;
import io.waybill.shipment.api.ShipmentCommands.RequestReturn;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import io.waybill.shipment.api.policy.FailedDeliveryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailedDeliverySagaTest {

    private static final Duration DEADLINE = Duration.ofHours(48);
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final String RETURN_REQUEST = "return:" + SHIPMENT_ID;
    private static final String CREDIT = "credit:" + SHIPMENT_ID;
    private static final String EXHAUSTED = "3 failed delivery attempts, the maximum is 3";
    private static final MilestoneRecorded DELIVERED = milestone(MilestoneCode.DELIVERED, "delivered", 1,
            ShipmentStatus.DELIVERY_ATTEMPT_FAILED, ShipmentStatus.DELIVERED);
    private static final MilestoneRecorded RETURNED = milestone(MilestoneCode.RETURNED_TO_SENDER, "returned", 3,
            ShipmentStatus.RETURN_INITIATED, ShipmentStatus.RETURNED_TO_SENDER);
    private static final MilestoneRecorded DELIVERED_AFTER_RETURN = milestone(MilestoneCode.DELIVERED,
            "late-delivered", 3, ShipmentStatus.RETURNED_TO_SENDER, ShipmentStatus.RETURNED_TO_SENDER);
    private static final CustomerCreditIssued CREDIT_ISSUED = new CustomerCreditIssued(ORDER_ID, TENANT, CREDIT,
            SHIPMENT_ID.toString(), Money.of("49.90", "BRL"), "shipment returned to sender", NOW);

    private SagaTestFixture<FailedDeliverySaga> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new SagaTestFixture<>(FailedDeliverySaga.class);
        fixture.registerResource(policies(ROUTING, FAILED_DELIVERY));
    }

    private ContinuedGivenState givenTendered() {
        return fixture.givenCurrentTime(NOW).andThenAPublished(tendered());
    }

    /** Three failed attempts: the return has started. */
    private ContinuedGivenState givenReturnStarted() {
        return givenTendered()
                .andThenAPublished(failedAttempt(1))
                .andThenAPublished(failedAttempt(2))
                .andThenAPublished(failedAttempt(3));
    }

    private ContinuedGivenState givenReturnCompleted() {
        return givenReturnStarted().andThenAPublished(RETURNED);
    }

    private static Object[] returnStartedCommands(String reason, Instant at) {
        return new Object[] {
                new RequestReturn(SHIPMENT_ID, TENANT, RETURN_REQUEST, reason, at),
                new MarkOrderReturnPending(ORDER_ID, TENANT, SHIPMENT_ID.toString(), reason, at),
                new OpenCustomerServiceCase(SHIPMENT_ID, TENANT, "case:" + SHIPMENT_ID + ":return-initiated",
                        CustomerServiceCaseType.RETURN_INITIATED, reason, at)};
    }

    @Test
    void tenderStartsSaga() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(tendered())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER_ID.toString())
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void disabledTenantStartsNoSaga() {
        fixture.registerResource(policies(ROUTING, new FailedDeliveryPolicy(false, 3, DEADLINE, WINDOW)));

        fixture.givenCurrentTime(NOW)
                .whenPublishingA(tendered())
                .expectActiveSagas(0);
    }

    @Test
    void failedAttemptRequestsRedeliveryWithDeadline() {
        givenTendered()
                .whenPublishingA(failedAttempt(1))
                .expectDispatchedCommands(new RequestRedelivery(SHIPMENT_ID, TENANT,
                        "redelivery:" + SHIPMENT_ID + ":1", NOW))
                .expectScheduledDeadline(DEADLINE, new RedeliveryDeadline(SHIPMENT_ID, 1, NOW.plus(DEADLINE)));
    }

    @Test
    void secondAttemptMovesDeadline() throws Exception {
        Instant later = NOW.plus(Duration.ofHours(20));

        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .andThenTimeAdvancesTo(later)
                .whenPublishingA(failedAttempt(2))
                .expectDispatchedCommands(new RequestRedelivery(SHIPMENT_ID, TENANT,
                        "redelivery:" + SHIPMENT_ID + ":2", later))
                .expectScheduledDeadline(DEADLINE, new RedeliveryDeadline(SHIPMENT_ID, 2, later.plus(DEADLINE)))
                .expectNoScheduledDeadline(Duration.ofHours(28), new RedeliveryDeadline(SHIPMENT_ID, 1,
                        NOW.plus(DEADLINE)));
    }

    @Test
    void attemptThenDeliveredEndsSaga() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .whenPublishingA(DELIVERED)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void attemptsExhaustedStartReturn() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .andThenAPublished(failedAttempt(2))
                .whenPublishingA(failedAttempt(3))
                .expectActiveSagas(1)
                .expectDispatchedCommands(returnStartedCommands(EXHAUSTED, NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void deadlineExpiredStartsReturn() {
        Instant due = NOW.plus(DEADLINE);
        String reason = "not delivered within 48 hours of the redelivery request after 1 failed attempt(s)";

        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .whenTimeElapses(DEADLINE)
                .expectDeadlinesMet(new RedeliveryDeadline(SHIPMENT_ID, 1, due))
                .expectDispatchedCommands(returnStartedCommands(reason, due))
                .expectActiveSagas(1);
    }

    @Test
    void deliveryBeforeDeadlineStartsNoReturn() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .andThenAPublished(DELIVERED)
                .whenTimeElapses(DEADLINE)
                .expectNoDispatchedCommands()
                .expectDeadlinesMet();
    }

    @Test
    void returnCompletedRestocksAndCredits() {
        givenReturnStarted()
                .whenPublishingA(RETURNED)
                .expectDispatchedCommands(
                        new RestockOrder(ORDER_ID, TENANT, SHIPMENT_ID.toString(), NOW),
                        new IssueCustomerCredit(ORDER_ID, TENANT, CREDIT, SHIPMENT_ID.toString(),
                                "shipment returned to sender", NOW))
                .expectScheduledDeadlineWithName(WINDOW, FailedDeliverySaga.LATE_DELIVERY_WINDOW)
                .expectActiveSagas(1);
    }

    @Test
    void lateDeliveryAfterReturnReversesCredit() {
        givenReturnCompleted()
                .andThenAPublished(CREDIT_ISSUED)
                .whenPublishingA(DELIVERED_AFTER_RETURN)
                .expectDispatchedCommands(
                        new OpenCustomerServiceCase(SHIPMENT_ID, TENANT,
                                "case:" + SHIPMENT_ID + ":delivered-after-restock",
                                CustomerServiceCaseType.DELIVERED_AFTER_RESTOCK,
                                "delivered at " + NOW + " after the return had started", NOW),
                        new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT,
                                "shipment " + SHIPMENT_ID + " was delivered after its return", NOW));
    }

    @Test
    void creditConfirmedAfterLateDeliveryIsReversed() {
        givenReturnCompleted()
                .andThenAPublished(DELIVERED_AFTER_RETURN)
                .whenPublishingA(CREDIT_ISSUED)
                .expectDispatchedCommands(new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT,
                        "shipment " + SHIPMENT_ID + " was delivered after its return", NOW));
    }

    @Test
    void creditReversalEndsSaga() {
        givenReturnCompleted()
                .andThenAPublished(CREDIT_ISSUED)
                .andThenAPublished(DELIVERED_AFTER_RETURN)
                .whenPublishingA(new CustomerCreditReversed(ORDER_ID, TENANT, CREDIT, Money.of("49.90", "BRL"),
                        "delivered after return", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void lateDeliveryBeforeReturnCompletedCancelsReturn() {
        String reason = "delivered at " + NOW + " after the return had started";

        givenReturnStarted()
                .whenPublishingA(milestone(MilestoneCode.DELIVERED, "delivered", 3, ShipmentStatus.RETURN_INITIATED,
                        ShipmentStatus.DELIVERED))
                .expectDispatchedCommands(
                        new CancelReturn(SHIPMENT_ID, TENANT, "cancel-return:" + SHIPMENT_ID, reason, NOW),
                        new CancelOrderReturn(ORDER_ID, TENANT, SHIPMENT_ID.toString(), reason, NOW))
                .expectActiveSagas(0);
    }

    @Test
    void platformRejectingReturnOpensExceptionCase() {
        givenReturnStarted()
                .whenPublishingA(rejected(RETURN_REQUEST, SANDBOX, PlatformOperation.RETURN, PlatformFailure.REJECTED,
                        "RETURN_NOT_ALLOWED"))
                .expectDispatchedCommands(new OpenCustomerServiceCase(SHIPMENT_ID, TENANT,
                        "case:" + SHIPMENT_ID + ":return-rejected", CustomerServiceCaseType.RETURN_REJECTED,
                        "sandbox did not accept the return: REJECTED (declined by test)", NOW))
                .expectActiveSagas(1);
    }

    @Test
    void rejectedRedeliveryKeepsDeadline() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .whenPublishingA(rejected("redelivery:" + SHIPMENT_ID + ":1", SANDBOX, PlatformOperation.REDELIVERY,
                        PlatformFailure.REJECTED, "NO_SLOT"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(DEADLINE, FailedDeliverySaga.REDELIVERY_DEADLINE);
    }

    @Test
    void repeatedFailedAttemptAsksNoPlatformTwice() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .whenPublishingA(failedAttempt(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void attemptAfterReturnStartedIsIgnored() {
        givenReturnStarted()
                .whenPublishingA(failedAttempt(4))
                .expectNoDispatchedCommands();
    }

    @Test
    void lateDeliveryWindowEndEndsSaga() {
        givenReturnCompleted()
                .andThenAPublished(CREDIT_ISSUED)
                .whenTimeElapses(WINDOW)
                .expectTriggeredDeadlinesWithName(FailedDeliverySaga.LATE_DELIVERY_WINDOW)
                .expectActiveSagas(0);
    }

    @Test
    void cancelledShipmentEndsSaga() {
        givenTendered()
                .andThenAPublished(failedAttempt(1))
                .whenPublishingA(milestone(MilestoneCode.CANCELLED, "cancelled", 1,
                        ShipmentStatus.DELIVERY_ATTEMPT_FAILED, ShipmentStatus.CANCELLED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
