package io.waybill.shipment;

import static io.waybill.shipment.SagaTestData.COURIER;
import static io.waybill.shipment.SagaTestData.FAILED_DELIVERY;
import static io.waybill.shipment.SagaTestData.NOW;
import static io.waybill.shipment.SagaTestData.ORDER_ID;
import static io.waybill.shipment.SagaTestData.PARCEL;
import static io.waybill.shipment.SagaTestData.ROUTING;
import static io.waybill.shipment.SagaTestData.SANDBOX;
import static io.waybill.shipment.SagaTestData.SHIPMENT_ID;
import static io.waybill.shipment.SagaTestData.TENANT;
import static io.waybill.shipment.SagaTestData.accepted;
import static io.waybill.shipment.SagaTestData.createRequestId;
import static io.waybill.shipment.SagaTestData.milestone;
import static io.waybill.shipment.SagaTestData.orderReleased;
import static io.waybill.shipment.SagaTestData.policies;
import static io.waybill.shipment.SagaTestData.rejected;
import static io.waybill.shipment.SagaTestData.tendered;

import io.waybill.order.api.OrderCancelled;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.ServiceLevel;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ShipmentCommands.CancelPlatformRequest;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.RequestPlatformShipment;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import io.waybill.shipment.api.policy.RoutingPolicy;
import java.util.List;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentRoutingSagaTest {

    private static final OrderReleased URBAN_SAME_DAY = orderReleased(ServiceLevel.SAME_DAY, "01304-000", "2.5");
    private static final ShipmentCreated CREATED = new ShipmentCreated(SHIPMENT_ID, TENANT, ORDER_ID, "1", NOW);

    private SagaTestFixture<ShipmentRoutingSaga> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new SagaTestFixture<>(ShipmentRoutingSaga.class);
        fixture.registerResource(policies(ROUTING, FAILED_DELIVERY));
    }

    private ContinuedGivenState givenCreated(OrderReleased release) {
        return fixture.givenCurrentTime(NOW).andThenAPublished(release).andThenAPublished(CREATED);
    }

    private FixtureExecutionResult givenCreatedWithRelease(OrderReleased release) {
        return fixture.givenCurrentTime(NOW).andThenAPublished(release).whenPublishingA(CREATED);
    }

    @Test
    void releaseCreatesFirstShipment() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(URBAN_SAME_DAY)
                .expectActiveSagas(1)
                .expectAssociationWith("shipmentId", SHIPMENT_ID.toString())
                .expectDispatchedCommands(new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, "1", NOW));
    }

    @Test
    void urbanSameDayGoesToCourierFirst() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(URBAN_SAME_DAY)
                .whenPublishingA(CREATED)
                .expectDispatchedCommands(new RequestPlatformShipment(SHIPMENT_ID, TENANT,
                        createRequestId(1, COURIER), COURIER, NOW));
    }

    @Test
    void heavyRuralParcelGoesToParcelPlatform() {
        givenCreatedWithRelease(orderReleased(ServiceLevel.STANDARD, "69900-000", "35"))
                .expectDispatchedCommands(new RequestPlatformShipment(SHIPMENT_ID, TENANT,
                        createRequestId(1, PARCEL), PARCEL, NOW));
    }

    @Test
    void sameDayOutsideUrbanZoneUsesFallback() {
        givenCreatedWithRelease(orderReleased(ServiceLevel.SAME_DAY, "69900-000", "2.5"))
                .expectDispatchedCommands(new RequestPlatformShipment(SHIPMENT_ID, TENANT,
                        createRequestId(1, SANDBOX), SANDBOX, NOW));
    }

    @Test
    void acceptanceTendersShipment() {
        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(accepted(createRequestId(1, COURIER), COURIER))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new TenderShipment(SHIPMENT_ID, TENANT, COURIER, "PS-1", "TRK-1", "loggi",
                        NOW));
    }

    @Test
    void tenderEndsSaga() {
        givenCreated(URBAN_SAME_DAY)
                .andThenAPublished(accepted(createRequestId(1, COURIER), COURIER))
                .whenPublishingA(tendered())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void rejectionTriesNextPlatform() {
        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(rejected(createRequestId(1, COURIER), COURIER, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.REJECTED, "OUT_OF_AREA"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RequestPlatformShipment(SHIPMENT_ID, TENANT,
                        createRequestId(2, SANDBOX), SANDBOX, NOW));
    }

    @Test
    void timeoutCancelsAndTriesNextPlatform() {
        String timedOut = createRequestId(1, COURIER);

        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(rejected(timedOut, COURIER, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.TIMED_OUT, null))
                .expectDispatchedCommands(
                        new CancelPlatformRequest(SHIPMENT_ID, TENANT, "cancel:" + timedOut, timedOut,
                                "courier-sp timed out (declined by test); another platform is tried", NOW),
                        new RequestPlatformShipment(SHIPMENT_ID, TENANT, createRequestId(2, SANDBOX), SANDBOX, NOW));
    }

    @Test
    void fallbackAcceptanceTendersToFallback() {
        givenCreated(URBAN_SAME_DAY)
                .andThenAPublished(rejected(createRequestId(1, COURIER), COURIER, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.REJECTED, "OUT_OF_AREA"))
                .whenPublishingA(accepted(createRequestId(2, SANDBOX), SANDBOX))
                .expectDispatchedCommands(new TenderShipment(SHIPMENT_ID, TENANT, SANDBOX, "PS-1", "TRK-1", "loggi",
                        NOW));
    }

    @Test
    void allRejectedPutsOrderOnHold() {
        givenCreated(URBAN_SAME_DAY)
                .andThenAPublished(rejected(createRequestId(1, COURIER), COURIER, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.REJECTED, "OUT_OF_AREA"))
                .whenPublishingA(rejected(createRequestId(2, SANDBOX), SANDBOX, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.UNAVAILABLE, null))
                .expectActiveSagas(0)
                .expectDispatchedCommands(
                        new CancelPlatformRequest(SHIPMENT_ID, TENANT, "cancel:" + createRequestId(2, SANDBOX),
                                createRequestId(2, SANDBOX),
                                "sandbox unavailable (declined by test); another platform is tried", NOW),
                        new PlaceOrderOnHold(ORDER_ID, TENANT,
                                "no delivery platform accepted the shipment (rule urban-same-day): "
                                        + "courier-sp rejected (OUT_OF_AREA); sandbox unavailable (declined by test)",
                                NOW));
    }

    @Test
    void noPlatformAtAllPutsOrderOnHold() {
        fixture.registerResource(policies(new RoutingPolicy(true, List.of(), List.of()), FAILED_DELIVERY));

        fixture.givenCurrentTime(NOW)
                .whenPublishingA(URBAN_SAME_DAY)
                .expectActiveSagas(0)
                .expectDispatchedCommands(new PlaceOrderOnHold(ORDER_ID, TENANT,
                        "no routing rule or fallback platform covers this order", NOW));
    }

    @Test
    void outcomeOfEarlierRequestIsIgnored() {
        givenCreated(URBAN_SAME_DAY)
                .andThenAPublished(rejected(createRequestId(1, COURIER), COURIER, PlatformOperation.CREATE_SHIPMENT,
                        PlatformFailure.REJECTED, "OUT_OF_AREA"))
                .whenPublishingA(accepted(createRequestId(1, COURIER), COURIER))
                .expectNoDispatchedCommands();
    }

    @Test
    void repeatedRejectionAsksNoPlatformTwice() {
        var rejection = rejected(createRequestId(1, COURIER), COURIER, PlatformOperation.CREATE_SHIPMENT,
                PlatformFailure.REJECTED, "OUT_OF_AREA");

        givenCreated(URBAN_SAME_DAY)
                .andThenAPublished(rejection)
                .whenPublishingA(rejection)
                .expectNoDispatchedCommands();
    }

    @Test
    void repeatedReleaseCreatesNothingNew() {
        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(URBAN_SAME_DAY)
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void disabledTenantIsNotRouted() {
        fixture.registerResource(policies(new RoutingPolicy(false, List.of(), List.of(SANDBOX)), FAILED_DELIVERY));

        fixture.givenCurrentTime(NOW)
                .whenPublishingA(URBAN_SAME_DAY)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void cancelledOrderEndsSaga() {
        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(new OrderCancelled(ORDER_ID, TENANT, "customer withdrew", NOW))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void cancelledShipmentEndsSaga() {
        givenCreated(URBAN_SAME_DAY)
                .whenPublishingA(milestone(MilestoneCode.CANCELLED, "c1", 0, ShipmentStatus.CREATED,
                        ShipmentStatus.CANCELLED))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
