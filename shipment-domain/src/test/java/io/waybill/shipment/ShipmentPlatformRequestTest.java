package io.waybill.shipment;

import static io.waybill.shipment.ShipmentTestData.ORDER_ID;
import static io.waybill.shipment.ShipmentTestData.OTHER_TENANT;
import static io.waybill.shipment.ShipmentTestData.PROVIDER;
import static io.waybill.shipment.ShipmentTestData.SHIPMENT_ID;
import static io.waybill.shipment.ShipmentTestData.TENANT;
import static io.waybill.shipment.ShipmentTestData.TRACKING_NUMBER;
import static io.waybill.shipment.ShipmentTestData.anyCreateShipment;
import static io.waybill.shipment.ShipmentTestData.anyRecordMilestone;
import static io.waybill.shipment.ShipmentTestData.anyTenderShipment;
import static io.waybill.shipment.ShipmentTestData.at;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.CustomerServiceCaseOpened;
import io.waybill.shipment.api.CustomerServiceCaseType;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.PlatformCancellationRequested;
import io.waybill.shipment.api.PlatformRequestAccepted;
import io.waybill.shipment.api.PlatformRequestRejected;
import io.waybill.shipment.api.PlatformShipmentRequested;
import io.waybill.shipment.api.RedeliveryRequested;
import io.waybill.shipment.api.ReturnCancelled;
import io.waybill.shipment.api.ReturnRequested;
import io.waybill.shipment.api.ShipmentCommands.CancelPlatformRequest;
import io.waybill.shipment.api.ShipmentCommands.CancelReturn;
import io.waybill.shipment.api.ShipmentCommands.OpenCustomerServiceCase;
import io.waybill.shipment.api.ShipmentCommands.PlatformRequestOutcome;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformAcceptance;
import io.waybill.shipment.api.ShipmentCommands.RecordPlatformRejection;
import io.waybill.shipment.api.ShipmentCommands.RequestPlatformShipment;
import io.waybill.shipment.api.ShipmentCommands.RequestRedelivery;
import io.waybill.shipment.api.ShipmentCommands.RequestReturn;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform requests, returns and customer-service cases on the Shipment aggregate. */
class ShipmentPlatformRequestTest {

    private static final PartnerId SANDBOX = PartnerId.of("sandbox");
    private static final Instant AT = at("09:00");
    private static final String CREATE = "create:1:sandbox";
    private static final String RETURN = "return:1";

    private AggregateTestFixture<ShipmentAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(ShipmentAggregate.class);
    }

    private static RequestPlatformShipment requestCreate() {
        return new RequestPlatformShipment(SHIPMENT_ID, TENANT, CREATE, SANDBOX, AT);
    }

    private static RequestReturn requestReturn() {
        return new RequestReturn(SHIPMENT_ID, TENANT, RETURN, "3 failed delivery attempts", AT);
    }

    @Test
    void createRequestIsRecorded() {
        fixture.givenCommands(anyCreateShipment())
                .when(requestCreate())
                .expectEvents(new PlatformShipmentRequested(SHIPMENT_ID, TENANT, ORDER_ID, CREATE, SANDBOX, AT))
                .expectResultMessagePayload(new PlatformRequestOutcome(SHIPMENT_ID, CREATE, true));
    }

    @Test
    void repeatedRequestIdIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), requestCreate())
                .when(requestCreate())
                .expectNoEvents()
                .expectResultMessagePayload(new PlatformRequestOutcome(SHIPMENT_ID, CREATE, false));
    }

    @Test
    void createRequestForTenderedShipmentIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(requestCreate())
                .expectNoEvents()
                .expectResultMessagePayload(new PlatformRequestOutcome(SHIPMENT_ID, CREATE, false));
    }

    @Test
    void createRequestForCancelledShipmentIsConflict() {
        fixture.givenCommands(anyCreateShipment(), anyRecordMilestone(MilestoneCode.CANCELLED, at("08:00"), "c1"))
                .when(requestCreate())
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void acceptanceNamesPlatformAndOperation() {
        fixture.givenCommands(anyCreateShipment(), requestCreate())
                .when(new RecordPlatformAcceptance(SHIPMENT_ID, TENANT, CREATE, "SBX-1", "TRK-1", "sandbox-express",
                        AT))
                .expectEvents(new PlatformRequestAccepted(SHIPMENT_ID, TENANT, ORDER_ID, CREATE, SANDBOX,
                        PlatformOperation.CREATE_SHIPMENT, "SBX-1", "TRK-1", "sandbox-express", AT));
    }

    @Test
    void createdShipmentAcceptanceNeedsTrackingNumber() {
        fixture.givenCommands(anyCreateShipment(), requestCreate())
                .when(new RecordPlatformAcceptance(SHIPMENT_ID, TENANT, CREATE, "SBX-1", null, "sandbox-express", AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void secondOutcomeIsIgnored() {
        fixture.givenCommands(anyCreateShipment(), requestCreate(),
                        new RecordPlatformRejection(SHIPMENT_ID, TENANT, CREATE, PlatformFailure.TIMED_OUT, null,
                                "no answer within 10 seconds", AT))
                .when(new RecordPlatformAcceptance(SHIPMENT_ID, TENANT, CREATE, "SBX-1", "TRK-1", "sandbox-express",
                        AT))
                .expectNoEvents()
                .expectResultMessagePayload(new PlatformRequestOutcome(SHIPMENT_ID, CREATE, false));
    }

    @Test
    void outcomeOfUnknownRequestIsNotFound() {
        fixture.givenCommands(anyCreateShipment())
                .when(new RecordPlatformRejection(SHIPMENT_ID, TENANT, "create:none", PlatformFailure.REJECTED, "X",
                        "declined", AT))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cancellationNamesPlatformOfCancelledRequest() {
        fixture.givenCommands(anyCreateShipment(), requestCreate())
                .when(new CancelPlatformRequest(SHIPMENT_ID, TENANT, "cancel:" + CREATE, CREATE, "timed out", AT))
                .expectEvents(new PlatformCancellationRequested(SHIPMENT_ID, TENANT, ORDER_ID, "cancel:" + CREATE,
                        CREATE, PlatformOperation.CREATE_SHIPMENT, SANDBOX, "timed out", AT));
    }

    @Test
    void redeliveryGoesToTenderedPlatform() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment(),
                        anyRecordMilestone(MilestoneCode.DELIVERY_ATTEMPT_FAILED, at("08:00"), "f1"))
                .when(new RequestRedelivery(SHIPMENT_ID, TENANT, "redelivery:1", AT))
                .expectEvents(new RedeliveryRequested(SHIPMENT_ID, TENANT, ORDER_ID, "redelivery:1", PROVIDER,
                        "SC-77812", TRACKING_NUMBER, 1, AT));
    }

    @Test
    void redeliveryOfUntenderedShipmentIsConflict() {
        fixture.givenCommands(anyCreateShipment())
                .when(new RequestRedelivery(SHIPMENT_ID, TENANT, "redelivery:1", AT))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void returnGoesToTenderedPlatform() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(requestReturn())
                .expectEvents(new ReturnRequested(SHIPMENT_ID, TENANT, ORDER_ID, RETURN, PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "3 failed delivery attempts", AT));
    }

    @Test
    void secondReturnWhileOneIsUnderWayIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment(), requestReturn())
                .when(new RequestReturn(SHIPMENT_ID, TENANT, "return:2", "again", AT))
                .expectNoEvents()
                .expectResultMessagePayload(new PlatformRequestOutcome(SHIPMENT_ID, "return:2", false));
    }

    @Test
    void rejectedReturnAllowsNewReturn() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment(), requestReturn(),
                        new RecordPlatformRejection(SHIPMENT_ID, TENANT, RETURN, PlatformFailure.REJECTED,
                                "RETURN_NOT_ALLOWED", "not allowed", AT))
                .when(new RequestReturn(SHIPMENT_ID, TENANT, "return:2", "retry by customer service", AT))
                .expectEvents(new ReturnRequested(SHIPMENT_ID, TENANT, ORDER_ID, "return:2", PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "retry by customer service", AT));
    }

    @Test
    void rejectionRecordsFailure() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment(), requestReturn())
                .when(new RecordPlatformRejection(SHIPMENT_ID, TENANT, RETURN, PlatformFailure.REJECTED,
                        "RETURN_NOT_ALLOWED", "not allowed", AT))
                .expectEvents(new PlatformRequestRejected(SHIPMENT_ID, TENANT, ORDER_ID, RETURN, PROVIDER,
                        PlatformOperation.RETURN, PlatformFailure.REJECTED, "RETURN_NOT_ALLOWED", "not allowed", AT));
    }

    @Test
    void cancelReturnRefersToReturnRequest() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment(), requestReturn())
                .when(new CancelReturn(SHIPMENT_ID, TENANT, "cancel-return:1", "delivered after all", AT))
                .expectEvents(new ReturnCancelled(SHIPMENT_ID, TENANT, ORDER_ID, "cancel-return:1", RETURN, PROVIDER,
                        "SC-77812", "delivered after all", AT));
    }

    @Test
    void cancelReturnWithoutReturnIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(new CancelReturn(SHIPMENT_ID, TENANT, "cancel-return:1", "delivered after all", AT))
                .expectNoEvents();
    }

    @Test
    void caseIsOpenedOnce() {
        OpenCustomerServiceCase open = new OpenCustomerServiceCase(SHIPMENT_ID, TENANT, "case:1:return-initiated",
                CustomerServiceCaseType.RETURN_INITIATED, "3 failed delivery attempts", AT);

        fixture.givenCommands(anyCreateShipment())
                .when(open)
                .expectEvents(new CustomerServiceCaseOpened(SHIPMENT_ID, TENANT, ORDER_ID, "case:1:return-initiated",
                        CustomerServiceCaseType.RETURN_INITIATED, "3 failed delivery attempts", AT));
        fixture.givenCommands(anyCreateShipment(), open)
                .when(open)
                .expectNoEvents();
    }

    @Test
    void requestFromOtherTenantIsNotFound() {
        fixture.givenCommands(anyCreateShipment())
                .when(new RequestPlatformShipment(SHIPMENT_ID, OTHER_TENANT, CREATE, SANDBOX, AT))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
