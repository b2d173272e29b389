package io.waybill.shipment;

import static io.waybill.shipment.ShipmentTestData.CREATED_AT;
import static io.waybill.shipment.ShipmentTestData.ORDER_ID;
import static io.waybill.shipment.ShipmentTestData.OTHER_TENANT;
import static io.waybill.shipment.ShipmentTestData.PROVIDER;
import static io.waybill.shipment.ShipmentTestData.SHIPMENT_ID;
import static io.waybill.shipment.ShipmentTestData.SHIPMENT_NUMBER;
import static io.waybill.shipment.ShipmentTestData.TENANT;
import static io.waybill.shipment.ShipmentTestData.TENDERED_AT;
import static io.waybill.shipment.ShipmentTestData.TRACKING_NUMBER;
import static io.waybill.shipment.ShipmentTestData.aMilestone;
import static io.waybill.shipment.ShipmentTestData.anyCreateShipment;
import static io.waybill.shipment.ShipmentTestData.anyProofOfDelivery;
import static io.waybill.shipment.ShipmentTestData.anyRecordMilestone;
import static io.waybill.shipment.ShipmentTestData.anyTenderShipment;
import static io.waybill.shipment.ShipmentTestData.at;
import static io.waybill.shipment.api.MilestoneCode.DELAYED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERY_ATTEMPT_FAILED;
import static io.waybill.shipment.api.MilestoneCode.IN_TRANSIT;
import static io.waybill.shipment.api.MilestoneCode.OUT_FOR_DELIVERY;
import static io.waybill.shipment.api.MilestoneCode.PICKED_UP;
import static io.waybill.shipment.api.MilestoneCode.RETURNED_TO_SENDER;
import static io.waybill.shipment.api.MilestoneCode.RETURN_INITIATED;
import static io.waybill.shipment.api.MilestoneCode.UNKNOWN;
import static io.waybill.shipment.api.MilestoneOutcome.DUPLICATE;
import static io.waybill.shipment.api.MilestoneOutcome.RECORDED;
import static io.waybill.shipment.api.MilestoneOutcome.RECORDED_CONFLICT;
import static io.waybill.shipment.api.MilestoneOutcome.RECORDED_LATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.ReasonCode;
import io.waybill.shipment.api.ShipmentCommands.CreateOutcome;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentCreated;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShipmentAggregateTest {

    private AggregateTestFixture<ShipmentAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(ShipmentAggregate.class);
    }

    /** Sets up a created and tendered shipment, followed by the given milestones in this order. */
    private TestExecutor<ShipmentAggregate> givenTenderedWith(RecordMilestone... milestones) {
        TestExecutor<ShipmentAggregate> executor = fixture.givenCommands(anyCreateShipment(), anyTenderShipment());
        return executor.andGivenCommands((Object[]) milestones);
    }

    @Test
    void createRecordsShipmentCreated() {
        fixture.givenNoPriorActivity()
                .when(anyCreateShipment())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShipmentCreated(SHIPMENT_ID, TENANT, ORDER_ID, SHIPMENT_NUMBER, CREATED_AT))
                .expectResultMessagePayload(new CreateOutcome(SHIPMENT_ID, true));
    }

    @Test
    void createTwiceReturnsExistingShipment() {
        CreateShipment repeat = new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, SHIPMENT_NUMBER, at("07:05"));

        fixture.givenCommands(anyCreateShipment())
                .when(repeat)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CreateOutcome(SHIPMENT_ID, false));
    }

    @Test
    void createAgainFromOtherTenantIsNotFound() {
        CreateShipment otherTenant = new CreateShipment(SHIPMENT_ID, OTHER_TENANT, ORDER_ID, SHIPMENT_NUMBER,
                CREATED_AT);

        fixture.givenCommands(anyCreateShipment())
                .when(otherTenant)
                .expectException(satisfies(NotFoundException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("shipmentId");
                    assertThat(exception.value()).isEqualTo(SHIPMENT_ID.toString());
                }))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreates")
    void createRejectsInvalidField(String invalidField, CreateShipment command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo(invalidField)))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidCreates() {
        ShipmentId secondShipmentId = ShipmentId.forOrder(ORDER_ID, "2");
        return Stream.of(
                arguments("shipmentId", new CreateShipment(secondShipmentId, TENANT, ORDER_ID, SHIPMENT_NUMBER,
                        CREATED_AT)),
                arguments("shipmentNumber", new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, " ", CREATED_AT)),
                arguments("shipmentNumber", new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, "9".repeat(201),
                        CREATED_AT)),
                arguments("orderId", new CreateShipment(SHIPMENT_ID, TENANT, null, SHIPMENT_NUMBER, CREATED_AT)),
                arguments("occurredAt", new CreateShipment(SHIPMENT_ID, TENANT, ORDER_ID, SHIPMENT_NUMBER, null)));
    }

    @Test
    void tenderMovesCreatedToTendered() {
        fixture.givenCommands(anyCreateShipment())
                .when(anyTenderShipment())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShipmentTendered(SHIPMENT_ID, TENANT, ORDER_ID, PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "dhl", TENDERED_AT))
                .expectResultMessagePayload(ShipmentStatus.TENDERED);
    }

    @Test
    void tenderTwiceWithSameDetailsIsNoOp() {
        TenderShipment repeat = new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812", TRACKING_NUMBER,
                "dhl", at("07:45"));

        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(repeat)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ShipmentStatus.TENDERED);
    }

    @Test
    void tenderWithOtherTrackingNumberIsConflict() {
        TenderShipment other = new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812", "JJD000390007880099999",
                "dhl", TENDERED_AT);

        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(other)
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("trackingNumber");
                    assertThat(exception.value()).isEqualTo("JJD000390007880099999");
                }))
                .expectNoEvents();
    }

    @Test
    void tenderToOtherProviderIsConflict() {
        TenderShipment other = new TenderShipment(SHIPMENT_ID, TENANT, PartnerId.of("sendcloud"), "SC-77812",
                TRACKING_NUMBER, "dhl", TENDERED_AT);

        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(other)
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("providerId");
                    assertThat(exception.value()).isEqualTo("sendcloud");
                }))
                .expectNoEvents();
    }

    @Test
    void tenderAfterTerminalStatusIsConflict() {
        fixture.givenCommands(anyCreateShipment(), anyRecordMilestone(MilestoneCode.CANCELLED, at("07:10"), "e1"))
                .when(anyTenderShipment())
                .expectException(satisfies(ConflictException.class,
                        exception -> assertThat(exception.field()).isEqualTo("shipmentId")))
                .expectNoEvents();
    }

    @Test
    void tenderAfterPickupKeepsPickedUp() {
        fixture.givenCommands(anyCreateShipment(), anyRecordMilestone(PICKED_UP, at("07:10"), "e1"))
                .when(anyTenderShipment())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShipmentTendered(SHIPMENT_ID, TENANT, ORDER_ID, PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "dhl", TENDERED_AT))
                .expectResultMessagePayload(ShipmentStatus.PICKED_UP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTenders")
    void tenderRejectsInvalidField(String invalidField, TenderShipment command) {
        fixture.givenCommands(anyCreateShipment())
                .when(command)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo(invalidField)))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidTenders() {
        return Stream.of(
                arguments("providerId", new TenderShipment(SHIPMENT_ID, TENANT, null, "SC-77812", TRACKING_NUMBER,
                        "dhl", TENDERED_AT)),
                arguments("providerShipmentId", new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "",
                        TRACKING_NUMBER, "dhl", TENDERED_AT)),
                arguments("trackingNumber", new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812", null,
                        "dhl", TENDERED_AT)),
                arguments("carrier", new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812", TRACKING_NUMBER,
                        " ", TENDERED_AT)),
                arguments("occurredAt", new TenderShipment(SHIPMENT_ID, TENANT, PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "dhl", null)));
    }

    @Test
    void firstPickupRecordsFullMilestone() {
        RecordMilestone pickup = aMilestone(PICKED_UP, at("08:00"), "e1").rawCode("pickup").build();

        givenTenderedWith()
                .when(pickup)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MilestoneRecorded(SHIPMENT_ID, TENANT, ORDER_ID, PICKED_UP, at("08:00"), "e1",
                        "shipcloud", "pickup", null, null, "event e1", null, null, null, null, false, false, null,
                        ShipmentStatus.TENDERED, ShipmentStatus.PICKED_UP, 0))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e1", RECORDED,
                        ShipmentStatus.PICKED_UP, 0));
    }

    @Test
    void milestonesInOrderMoveStatus() {
        givenTenderedWith(
                anyRecordMilestone(PICKED_UP, at("08:00"), "e1"),
                anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"))
                .when(anyRecordMilestone(OUT_FOR_DELIVERY, at("12:00"), "e3"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.statusBefore()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
                    assertThat(event.late()).isFalse();
                    assertThat(event.conflict()).isFalse();
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e3", RECORDED,
                        ShipmentStatus.OUT_FOR_DELIVERY, 0));
    }

    @Test
    void duplicateSourceEventIdIsIgnored() {
        givenTenderedWith(
                anyRecordMilestone(PICKED_UP, at("08:00"), "e1"),
                anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"))
                .when(anyRecordMilestone(DELIVERED, at("13:00"), "e1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e1", DUPLICATE,
                        ShipmentStatus.IN_TRANSIT, 0));
    }

    @Test
    void lateMilestoneKeepsStatus() {
        givenTenderedWith(anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"))
                .when(anyRecordMilestone(PICKED_UP, at("08:00"), "e1"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.late()).isTrue();
                    assertThat(event.conflict()).isFalse();
                    assertThat(event.statusBefore()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e1", RECORDED_LATE,
                        ShipmentStatus.IN_TRANSIT, 0));
    }

    @Test
    void repeatedStatusAdvancesLatestTime() {
        givenTenderedWith(
                anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"),
                anyRecordMilestone(IN_TRANSIT, at("12:00"), "e3"))
                .when(anyRecordMilestone(OUT_FOR_DELIVERY, at("11:00"), "e4"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e4", RECORDED_LATE,
                        ShipmentStatus.IN_TRANSIT, 0));
    }

    @Test
    void lateOutForDeliveryNeverUndoesDelivered() {
        givenTenderedWith(
                anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"),
                anyRecordMilestone(DELIVERED, at("14:00"), "e4"))
                .when(anyRecordMilestone(OUT_FOR_DELIVERY, at("12:00"), "e3"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.late()).isTrue();
                    assertThat(event.conflict()).isFalse();
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e3", RECORDED_LATE,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void activityAfterDeliveredIsConflict() {
        givenTenderedWith(anyRecordMilestone(DELIVERED, at("14:00"), "e4"))
                .when(anyRecordMilestone(IN_TRANSIT, at("15:00"), "e5"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.conflict()).isTrue();
                    assertThat(event.late()).isFalse();
                    assertThat(event.conflictReason()).isEqualTo("IN_TRANSIT at 2026-03-02T15:00:00Z"
                            + " after the shipment was DELIVERED at 2026-03-02T14:00:00Z");
                    assertThat(event.statusBefore()).isEqualTo(ShipmentStatus.DELIVERED);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e5", RECORDED_CONFLICT,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void otherTerminalAfterTerminalIsConflict() {
        givenTenderedWith(anyRecordMilestone(DELIVERED, at("14:00"), "e4"))
                .when(anyRecordMilestone(RETURNED_TO_SENDER, at("13:00"), "e5"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.conflict()).isTrue();
                    assertThat(event.conflictReason()).startsWith("RETURNED_TO_SENDER at 2026-03-02T13:00:00Z");
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e5", RECORDED_CONFLICT,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void deliveredWinsOverLaterTransit() {
        givenTenderedWith(anyRecordMilestone(IN_TRANSIT, at("12:00"), "e2"))
                .when(anyRecordMilestone(DELIVERED, at("11:00"), "e4"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.late()).isFalse();
                    assertThat(event.conflict()).isFalse();
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e4", RECORDED,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void deliveredAfterReturnInitiatedIsDelivered() {
        givenTenderedWith(anyRecordMilestone(RETURN_INITIATED, at("10:00"), "e2"))
                .when(anyRecordMilestone(DELIVERED, at("12:00"), "e4"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.statusBefore()).isEqualTo(ShipmentStatus.RETURN_INITIATED);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e4", RECORDED,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void deliveredKeepsProofOfDelivery() {
        RecordMilestone delivered = aMilestone(DELIVERED, at("14:00"), "e4")
                .proofOfDelivery(anyProofOfDelivery())
                .build();

        givenTenderedWith(anyRecordMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3"))
                .when(delivered)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class,
                        event -> assertThat(event.proofOfDelivery()).isEqualTo(anyProofOfDelivery())))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e4", RECORDED,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void delayedKeepsStatus() {
        RecordMilestone delayed = aMilestone(DELAYED, at("11:00"), "e3")
                .reason(ReasonCode.WEATHER)
                .estimatedDelivery(at("18:00"))
                .build();

        givenTenderedWith(anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"))
                .when(delayed)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.statusBefore()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                    assertThat(event.reason()).isEqualTo(ReasonCode.WEATHER);
                    assertThat(event.estimatedDelivery()).isEqualTo(at("18:00"));
                    assertThat(event.late()).isFalse();
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e3", RECORDED,
                        ShipmentStatus.IN_TRANSIT, 0));
    }

    @Test
    void unknownKeepsStatusAndRawCode() {
        RecordMilestone unknown = aMilestone(UNKNOWN, at("11:00"), "e3").rawCode("ZX-17").build();

        givenTenderedWith(anyRecordMilestone(IN_TRANSIT, at("10:00"), "e2"))
                .when(unknown)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.code()).isEqualTo(UNKNOWN);
                    assertThat(event.rawCode()).isEqualTo("ZX-17");
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.IN_TRANSIT);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e3", RECORDED,
                        ShipmentStatus.IN_TRANSIT, 0));
    }

    @Test
    void failedAttemptsAreCounted() {
        RecordMilestone secondAttempt = aMilestone(DELIVERY_ATTEMPT_FAILED, at("15:00"), "e5")
                .reason(ReasonCode.RECIPIENT_NOT_AVAILABLE)
                .attemptNumber(2)
                .build();

        givenTenderedWith(
                anyRecordMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3"),
                aMilestone(DELIVERY_ATTEMPT_FAILED, at("10:00"), "e4").attemptNumber(1).build())
                .when(secondAttempt)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.failedAttempts()).isEqualTo(2);
                    assertThat(event.attemptNumber()).isEqualTo(2);
                    assertThat(event.reason()).isEqualTo(ReasonCode.RECIPIENT_NOT_AVAILABLE);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.DELIVERY_ATTEMPT_FAILED);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e5", RECORDED,
                        ShipmentStatus.DELIVERY_ATTEMPT_FAILED, 2));
    }

    @Test
    void lateFailedAttemptIsCounted() {
        givenTenderedWith(anyRecordMilestone(OUT_FOR_DELIVERY, at("15:00"), "e5"))
                .when(anyRecordMilestone(DELIVERY_ATTEMPT_FAILED, at("12:00"), "e4"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.late()).isTrue();
                    assertThat(event.failedAttempts()).isEqualTo(1);
                    assertThat(event.statusAfter()).isEqualTo(ShipmentStatus.OUT_FOR_DELIVERY);
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e4", RECORDED_LATE,
                        ShipmentStatus.OUT_FOR_DELIVERY, 1));
    }

    @Test
    void rawReasonWithoutReasonBecomesUnknown() {
        RecordMilestone failed = aMilestone(DELIVERY_ATTEMPT_FAILED, at("12:00"), "e4")
                .rawReason("NK-42 gate locked")
                .build();

        givenTenderedWith(anyRecordMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3"))
                .when(failed)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.reason()).isEqualTo(ReasonCode.UNKNOWN);
                    assertThat(event.rawReason()).isEqualTo("NK-42 gate locked");
                }));
    }

    @Test
    void mappedReasonIsKept() {
        RecordMilestone failed = aMilestone(DELIVERY_ATTEMPT_FAILED, at("12:00"), "e4")
                .reason(ReasonCode.ACCESS_RESTRICTED)
                .rawReason("NK-42 gate locked")
                .build();

        givenTenderedWith(anyRecordMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3"))
                .when(failed)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.reason()).isEqualTo(ReasonCode.ACCESS_RESTRICTED);
                    assertThat(event.rawReason()).isEqualTo("NK-42 gate locked");
                }));
    }

    @Test
    void proofOfDeliveryOnNonDeliveredIsInvalid() {
        RecordMilestone outForDelivery = aMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3")
                .proofOfDelivery(anyProofOfDelivery())
                .build();

        givenTenderedWith()
                .when(outForDelivery)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo("proofOfDelivery")))
                .expectNoEvents();
    }

    @Test
    void attemptNumberOnNonFailedIsInvalid() {
        RecordMilestone outForDelivery = aMilestone(OUT_FOR_DELIVERY, at("09:00"), "e3")
                .attemptNumber(1)
                .build();

        givenTenderedWith()
                .when(outForDelivery)
                .expectException(satisfies(InvalidValueException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("attemptNumber");
                    assertThat(exception.value()).isEqualTo("1");
                }))
                .expectNoEvents();
    }

    @Test
    void nonPositiveAttemptNumberIsInvalid() {
        RecordMilestone failed = aMilestone(DELIVERY_ATTEMPT_FAILED, at("12:00"), "e4")
                .attemptNumber(0)
                .build();

        givenTenderedWith()
                .when(failed)
                .expectException(satisfies(InvalidValueException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("attemptNumber");
                    assertThat(exception.value()).isEqualTo("0");
                }))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompleteMilestones")
    void milestoneRejectsMissingField(String missingField, RecordMilestone command) {
        givenTenderedWith()
                .when(command)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo(missingField)))
                .expectNoEvents();
    }

    static Stream<Arguments> incompleteMilestones() {
        return Stream.of(
                arguments("code", anyRecordMilestone(null, at("09:00"), "e3")),
                arguments("occurredAt", anyRecordMilestone(IN_TRANSIT, null, "e3")),
                arguments("sourceEventId", anyRecordMilestone(IN_TRANSIT, at("09:00"), " ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTenantCommands")
    void otherTenantGetsNotFound(String commandName, Object command) {
        givenTenderedWith()
                .when(command)
                .expectException(satisfies(NotFoundException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("shipmentId");
                    assertThat(exception.value()).isEqualTo(SHIPMENT_ID.toString());
                }))
                .expectNoEvents();
    }

    static Stream<Arguments> otherTenantCommands() {
        return Stream.of(
                arguments("TenderShipment", new TenderShipment(SHIPMENT_ID, OTHER_TENANT, PROVIDER, "SC-77812",
                        TRACKING_NUMBER, "dhl", TENDERED_AT)),
                arguments("RecordMilestone", aMilestone(IN_TRANSIT, at("10:00"), "e2").tenantId(OTHER_TENANT)
                        .build()));
    }

    /** Wraps AssertJ checks in the Hamcrest matcher the fixture takes. A failed check throws its own AssertionError. */
    private static <T> Matcher<Object> satisfies(Class<T> type, Consumer<T> checks) {
        return new CustomMatcher<>("a " + type.getSimpleName() + " that passes the AssertJ checks") {
            @Override
            public boolean matches(Object actual) {
                assertThat(actual).isInstanceOf(type);
                checks.accept(type.cast(actual));
                return true;
            }
        };
    }

    /** Matches a list of exactly one event message whose payload has the given type and passes the checks. */
    private static <T> Matcher<List<EventMessage<?>>> onlyEvent(Class<T> type, Consumer<T> checks) {
        return new CustomMatcher<>("exactly one " + type.getSimpleName() + " that passes the AssertJ checks") {
            @Override
            public boolean matches(Object actual) {
                List<?> messages = (List<?>) actual;
                assertThat(messages).hasSize(1);
                Object payload = ((EventMessage<?>) messages.get(0)).getPayload();
                assertThat(payload).isInstanceOf(type);
                checks.accept(type.cast(payload));
                return true;
            }
        };
    }

    @Test
    void deliveredReportedAgainLaterIsRecordedPlainly() {
        givenTenderedWith(anyRecordMilestone(DELIVERED, at("14:00"), "e4"))
                .when(anyRecordMilestone(DELIVERED, at("14:30"), "e5"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.late()).isFalse();
                    assertThat(event.conflict()).isFalse();
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e5", RECORDED,
                        ShipmentStatus.DELIVERED, 0));
    }

    @Test
    void failedAttemptAfterDeliveredIsNotCounted() {
        givenTenderedWith(anyRecordMilestone(DELIVERED, at("14:00"), "e4"))
                .when(anyRecordMilestone(DELIVERY_ATTEMPT_FAILED, at("15:00"), "e5"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(MilestoneRecorded.class, event -> {
                    assertThat(event.conflict()).isTrue();
                    assertThat(event.failedAttempts()).isZero();
                }))
                .expectResultMessagePayload(new MilestoneResult(SHIPMENT_ID, "e5", RECORDED_CONFLICT,
                        ShipmentStatus.DELIVERED, 0));
    }
}
