package io.waybill.order;

import static io.waybill.order.OrderTestData.LATER;
import static io.waybill.order.OrderTestData.ORDER_ID;
import static io.waybill.order.OrderTestData.OTHER_TENANT;
import static io.waybill.order.OrderTestData.SHIPMENT_ID;
import static io.waybill.order.OrderTestData.TENANT;
import static io.waybill.order.OrderTestData.anyCancelOrder;
import static io.waybill.order.OrderTestData.anyOrderLine;
import static io.waybill.order.OrderTestData.anyReleaseOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.CustomerCreditIssued;
import io.waybill.order.api.CustomerCreditReversed;
import io.waybill.order.api.OrderCommands.CancelOrderReturn;
import io.waybill.order.api.OrderCommands.CreditOutcome;
import io.waybill.order.api.OrderCommands.IssueCustomerCredit;
import io.waybill.order.api.OrderCommands.MarkOrderReturnPending;
import io.waybill.order.api.OrderCommands.RestockOrder;
import io.waybill.order.api.OrderCommands.ReverseCustomerCredit;
import io.waybill.order.api.OrderMarkedReturnPending;
import io.waybill.order.api.OrderRestocked;
import io.waybill.order.api.OrderReturnCancelled;
import io.waybill.order.api.OrderStatus;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Returns, restocking and customer credits on the Order aggregate. */
class OrderReturnTest {

    private static final String CREDIT_ID = "credit:" + SHIPMENT_ID;
    /** Two lines of 2 x 19.99 EUR each. */
    private static final Money ORDER_TOTAL = Money.of("79.96", "EUR");

    private AggregateTestFixture<OrderAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(OrderAggregate.class);
    }

    private static MarkOrderReturnPending markReturnPending() {
        return new MarkOrderReturnPending(ORDER_ID, TENANT, SHIPMENT_ID, "3 failed delivery attempts", LATER);
    }

    private static IssueCustomerCredit issueCredit(String creditId) {
        return new IssueCustomerCredit(ORDER_ID, TENANT, creditId, SHIPMENT_ID, "shipment returned", LATER);
    }

    @Test
    void returnPendingMovesOrderToReturnPending() {
        fixture.givenCommands(anyReleaseOrder())
                .when(markReturnPending())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderMarkedReturnPending(ORDER_ID, TENANT, SHIPMENT_ID, "3 failed delivery attempts",
                        LATER))
                .expectResultMessagePayload(OrderStatus.RETURN_PENDING);
    }

    @Test
    void returnPendingTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), markReturnPending())
                .when(markReturnPending())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OrderStatus.RETURN_PENDING);
    }

    @Test
    void returnPendingKeepsCancelledStatus() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder())
                .when(markReturnPending())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderMarkedReturnPending(ORDER_ID, TENANT, SHIPMENT_ID, "3 failed delivery attempts",
                        LATER))
                .expectResultMessagePayload(OrderStatus.CANCELLED);
    }

    @Test
    void cancelReturnMovesOrderBackToReleased() {
        fixture.givenCommands(anyReleaseOrder(), markReturnPending())
                .when(new CancelOrderReturn(ORDER_ID, TENANT, SHIPMENT_ID, "delivered after all", LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderReturnCancelled(ORDER_ID, TENANT, SHIPMENT_ID, "delivered after all", LATER))
                .expectResultMessagePayload(OrderStatus.RELEASED);
    }

    @Test
    void cancelReturnWithoutPendingReturnIsNoOp() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new CancelOrderReturn(ORDER_ID, TENANT, SHIPMENT_ID, "delivered after all", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OrderStatus.RELEASED);
    }

    @Test
    void restockRecordsLinesAndReturnedStatus() {
        fixture.givenCommands(anyReleaseOrder(), markReturnPending())
                .when(new RestockOrder(ORDER_ID, TENANT, SHIPMENT_ID, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderRestocked(ORDER_ID, TENANT, SHIPMENT_ID, List.of(anyOrderLine(1),
                        anyOrderLine(2)), LATER))
                .expectResultMessagePayload(OrderStatus.RETURNED);
    }

    @Test
    void restockTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), markReturnPending(), new RestockOrder(ORDER_ID, TENANT, SHIPMENT_ID,
                        LATER))
                .when(new RestockOrder(ORDER_ID, TENANT, SHIPMENT_ID, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void creditIssuesOrderTotal() {
        fixture.givenCommands(anyReleaseOrder())
                .when(issueCredit(CREDIT_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerCreditIssued(ORDER_ID, TENANT, CREDIT_ID, SHIPMENT_ID, ORDER_TOTAL,
                        "shipment returned", LATER))
                .expectResultMessagePayload(new CreditOutcome(ORDER_ID, CREDIT_ID, ORDER_TOTAL, true));
    }

    @Test
    void creditWithSameIdIsIssuedOnce() {
        fixture.givenCommands(anyReleaseOrder(), issueCredit(CREDIT_ID))
                .when(issueCredit(CREDIT_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CreditOutcome(ORDER_ID, CREDIT_ID, ORDER_TOTAL, false));
    }

    @Test
    void secondCreditGetsNothingLeft() {
        fixture.givenCommands(anyReleaseOrder(), issueCredit(CREDIT_ID))
                .when(issueCredit("credit:other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CreditOutcome(ORDER_ID, "credit:other", Money.of("0", "EUR"),
                        false));
    }

    @Test
    void reversalIsCounterEntryOfSameAmount() {
        fixture.givenCommands(anyReleaseOrder(), issueCredit(CREDIT_ID))
                .when(new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT_ID, "delivered after all", LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerCreditReversed(ORDER_ID, TENANT, CREDIT_ID, ORDER_TOTAL,
                        "delivered after all", LATER))
                .expectResultMessagePayload(ORDER_TOTAL);
    }

    @Test
    void reversalTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), issueCredit(CREDIT_ID),
                        new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT_ID, "delivered after all", LATER))
                .when(new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT_ID, "delivered after all", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reversedCreditFreesOrderValueAgain() {
        fixture.givenCommands(anyReleaseOrder(), issueCredit(CREDIT_ID),
                        new ReverseCustomerCredit(ORDER_ID, TENANT, CREDIT_ID, "delivered after all", LATER))
                .when(issueCredit("credit:second"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CreditOutcome(ORDER_ID, "credit:second", ORDER_TOTAL, true));
    }

    @Test
    void reversalOfUnknownCreditIsNotFound() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new ReverseCustomerCredit(ORDER_ID, TENANT, "credit:none", "delivered after all", LATER))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void creditFromOtherTenantIsNotFound() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new IssueCustomerCredit(ORDER_ID, OTHER_TENANT, CREDIT_ID, SHIPMENT_ID, "shipment returned",
                        LATER))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void orderTotalMatchesTestData() {
        assertThat(anyOrderLine(1).total().plus(anyOrderLine(2).total())).isEqualTo(ORDER_TOTAL);
    }
}
