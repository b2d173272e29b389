package io.waybill.order;

import static io.waybill.order.OrderTestData.EUR;
import static io.waybill.order.OrderTestData.ERP_ORDER_NUMBER;
import static io.waybill.order.OrderTestData.LATER;
import static io.waybill.order.OrderTestData.ORDER_ID;
import static io.waybill.order.OrderTestData.OTHER_TENANT;
import static io.waybill.order.OrderTestData.RELEASED_AT;
import static io.waybill.order.OrderTestData.SHIPMENT_ID;
import static io.waybill.order.OrderTestData.TENANT;
import static io.waybill.order.OrderTestData.aReleaseOrder;
import static io.waybill.order.OrderTestData.anyAddress;
import static io.waybill.order.OrderTestData.anyCancelOrder;
import static io.waybill.order.OrderTestData.anyOrderLine;
import static io.waybill.order.OrderTestData.anyPlaceOrderOnHold;
import static io.waybill.order.OrderTestData.anyRecordCarrierHandover;
import static io.waybill.order.OrderTestData.anyReleaseOrder;
import static io.waybill.order.OrderTestData.anyReleaseOrderHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderCancelled;
import io.waybill.order.api.OrderCommands.CancelOrder;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderCommands.RecordCarrierHandover;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderCommands.ReleaseOrderHold;
import io.waybill.order.api.OrderCommands.ReleaseOutcome;
import io.waybill.order.api.OrderHandedToCarrier;
import io.waybill.order.api.OrderHoldReleased;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderPlacedOnHold;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.OrderStatus;
import io.waybill.order.api.PromisedDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderAggregateTest {

    private AggregateTestFixture<OrderAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(OrderAggregate.class);
    }

    @Test
    void releaseRecordsOrderWithContentHash() {
        ReleaseOrder command = anyReleaseOrder();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ReleaseOutcome(ORDER_ID, true))
                .expectEventsMatching(onlyEvent(OrderReleased.class, event -> {
                    assertThat(event.orderId()).isEqualTo(ORDER_ID);
                    assertThat(event.tenantId()).isEqualTo(TENANT);
                    assertThat(event.erpOrderNumber()).isEqualTo(ERP_ORDER_NUMBER);
                    assertThat(event.customerReference()).isEqualTo(command.customerReference());
                    assertThat(event.shipTo()).isEqualTo(command.shipTo());
                    assertThat(event.lines()).isEqualTo(command.lines());
                    assertThat(event.currency()).isEqualTo(EUR);
                    assertThat(event.orderTotal()).isEqualTo(Money.of("79.96", "EUR"));
                    assertThat(event.promisedDelivery()).isEqualTo(command.promisedDelivery());
                    assertThat(event.serviceLevel()).isEqualTo(command.serviceLevel());
                    assertThat(event.parcelWeightKg()).isEqualTo(command.parcelWeightKg());
                    assertThat(event.occurredAt()).isEqualTo(RELEASED_AT);
                    assertThat(event.contentHash()).matches("[0-9a-f]{64}");
                }));
    }

    @Test
    void changedContentChangesContentHash() {
        String original = ReleaseRules.contentHash(anyReleaseOrder());
        String changed = ReleaseRules.contentHash(aReleaseOrder().customerReference("CUST-43").build());

        assertThat(changed).isNotEqualTo(original);
    }

    @Test
    void releaseTwiceWithSameContentReturnsExistingOrder() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyReleaseOrder())
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ReleaseOutcome(ORDER_ID, false))
                .expectNoEvents();
    }

    @Test
    void releaseRepeatIgnoresTimeAndNumberScale() {
        ReleaseOrder repeat = aReleaseOrder()
                .releasedAt(LATER)
                .parcelWeightKg(new BigDecimal("2.500"))
                .build();

        fixture.givenCommands(anyReleaseOrder())
                .when(repeat)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ReleaseOutcome(ORDER_ID, false))
                .expectNoEvents();
    }

    @Test
    void releaseWithChangedContentIsConflict() {
        ReleaseOrder changed = aReleaseOrder()
                .lines(List.of(anyOrderLine(1)))
                .build();

        fixture.givenCommands(anyReleaseOrder())
                .when(changed)
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("erpOrderNumber");
                    assertThat(exception.value()).isEqualTo(ERP_ORDER_NUMBER);
                }))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReleases")
    void releaseRejectsInvalidField(String invalidField, ReleaseOrder command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo(invalidField)))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidReleases() {
        Money negativePrice = Money.of("-0.01", "EUR");
        Money dollarPrice = Money.of("19.99", "USD");
        Address address = anyAddress();
        LocalDate day = LocalDate.parse("2026-03-05");
        Instant noon = Instant.parse("2026-03-05T12:00:00Z");
        return Stream.of(
                arguments("erpOrderNumber", aReleaseOrder().erpOrderNumber(null).build()),
                arguments("erpOrderNumber", aReleaseOrder().erpOrderNumber("  ").build()),
                arguments("erpOrderNumber", aReleaseOrder().erpOrderNumber("E".repeat(201)).build()),
                arguments("orderId", aReleaseOrder().orderId(OrderId.forErpOrder(OTHER_TENANT, ERP_ORDER_NUMBER))
                        .build()),
                arguments("customerReference", aReleaseOrder().customerReference("").build()),
                arguments("shipTo", aReleaseOrder().shipTo(null).build()),
                arguments("shipTo.postalCode", aReleaseOrder().shipTo(new Address(address.name(),
                        address.line1(), null, " ", "Berlin", null, "DE")).build()),
                arguments("shipTo.city", aReleaseOrder().shipTo(new Address(address.name(),
                        address.line1(), null, "10115", null, null, "DE")).build()),
                arguments("shipTo.countryCode", aReleaseOrder().shipTo(new Address(address.name(),
                        address.line1(), null, "10115", "Berlin", null, "DEU")).build()),
                arguments("shipTo.countryCode", aReleaseOrder().shipTo(new Address(address.name(),
                        address.line1(), null, "10115", "Berlin", null, "de")).build()),
                arguments("currency", aReleaseOrder().currency(null).build()),
                arguments("lines", aReleaseOrder().lines(List.of()).build()),
                arguments("lines", aReleaseOrder().lines(null).build()),
                arguments("lines[1]", aReleaseOrder().lines(Arrays.asList(anyOrderLine(1), null)).build()),
                arguments("lines[0].lineNumber", aReleaseOrder().lines(List.of(anyOrderLine(0))).build()),
                arguments("lines[1].lineNumber", aReleaseOrder().lines(List.of(anyOrderLine(1), anyOrderLine(1)))
                        .build()),
                arguments("lines[0].sku", aReleaseOrder().lines(List.of(new OrderLine(1, " ", 1,
                        Money.of("1.00", "EUR")))).build()),
                arguments("lines[0].quantity", aReleaseOrder().lines(List.of(new OrderLine(1, "SKU-1", 0,
                        Money.of("1.00", "EUR")))).build()),
                arguments("lines[1].quantity", aReleaseOrder().lines(List.of(anyOrderLine(1),
                        new OrderLine(2, "SKU-2", -3, Money.of("1.00", "EUR")))).build()),
                arguments("lines[0].unitPrice", aReleaseOrder().lines(List.of(new OrderLine(1, "SKU-1", 1, null)))
                        .build()),
                arguments("lines[0].unitPrice", aReleaseOrder().lines(List.of(new OrderLine(1, "SKU-1", 1,
                        negativePrice))).build()),
                arguments("lines[0].unitPrice.currency", aReleaseOrder().lines(List.of(new OrderLine(1, "SKU-1", 1,
                        dollarPrice))).build()),
                arguments("promisedDelivery.latestDate", aReleaseOrder().promisedDelivery(null).build()),
                arguments("promisedDelivery.latestDate", aReleaseOrder()
                        .promisedDelivery(new PromisedDelivery(null, null, null)).build()),
                arguments("promisedDelivery.windowEnd", aReleaseOrder()
                        .promisedDelivery(new PromisedDelivery(day, noon, noon.minusSeconds(3600))).build()),
                arguments("promisedDelivery.windowEnd", aReleaseOrder()
                        .promisedDelivery(new PromisedDelivery(day, noon, noon)).build()),
                arguments("promisedDelivery.windowEnd", aReleaseOrder()
                        .promisedDelivery(new PromisedDelivery(day, noon, null)).build()),
                arguments("promisedDelivery.windowStart", aReleaseOrder()
                        .promisedDelivery(new PromisedDelivery(day, null, noon)).build()),
                arguments("serviceLevel", aReleaseOrder().serviceLevel(null).build()),
                arguments("parcelWeightKg", aReleaseOrder().parcelWeightKg(BigDecimal.ZERO).build()),
                arguments("parcelWeightKg", aReleaseOrder().parcelWeightKg(new BigDecimal("-1.2")).build()),
                arguments("releasedAt", aReleaseOrder().releasedAt(null).build()));
    }

    @Test
    void releaseAcceptsFreeLineAndNoWeight() {
        ReleaseOrder command = aReleaseOrder()
                .lines(List.of(new OrderLine(1, "SAMPLE", 1, Money.zero(EUR))))
                .parcelWeightKg(null)
                .build();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new ReleaseOutcome(ORDER_ID, true));
    }

    @Test
    void placeOnHoldRecordsHold() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyPlaceOrderOnHold())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderPlacedOnHold(ORDER_ID, TENANT, "payment check", LATER))
                .expectResultMessagePayload(OrderStatus.ON_HOLD);
    }

    @Test
    void placeOnHoldTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), anyPlaceOrderOnHold())
                .when(new PlaceOrderOnHold(ORDER_ID, TENANT, "address check", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OrderStatus.ON_HOLD);
    }

    @Test
    void placeOnHoldWithoutReasonIsInvalid() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new PlaceOrderOnHold(ORDER_ID, TENANT, " ", LATER))
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo("reason")))
                .expectNoEvents();
    }

    @Test
    void placeOnHoldWhenCancelledIsConflict() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder())
                .when(anyPlaceOrderOnHold())
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("status");
                    assertThat(exception.value()).isEqualTo("CANCELLED");
                }))
                .expectNoEvents();
    }

    @Test
    void releaseHoldReturnsToReleased() {
        fixture.givenCommands(anyReleaseOrder(), anyPlaceOrderOnHold())
                .when(anyReleaseOrderHold())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderHoldReleased(ORDER_ID, TENANT, "payment cleared", LATER))
                .expectResultMessagePayload(OrderStatus.RELEASED);
    }

    @Test
    void releaseHoldWhenNotOnHoldIsConflict() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyReleaseOrderHold())
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("status");
                    assertThat(exception.value()).isEqualTo("RELEASED");
                }))
                .expectNoEvents();
    }

    @Test
    void releaseHoldWhenCancelledIsConflict() {
        fixture.givenCommands(anyReleaseOrder(), anyPlaceOrderOnHold(), anyCancelOrder())
                .when(anyReleaseOrderHold())
                .expectException(satisfies(ConflictException.class,
                        exception -> assertThat(exception.value()).isEqualTo("CANCELLED")))
                .expectNoEvents();
    }

    @Test
    void cancelRecordsCancellation() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyCancelOrder())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderCancelled(ORDER_ID, TENANT, "customer withdrew", LATER))
                .expectResultMessagePayload(OrderStatus.CANCELLED);
    }

    @Test
    void cancelOnHoldOrderRecordsCancellation() {
        fixture.givenCommands(anyReleaseOrder(), anyPlaceOrderOnHold())
                .when(anyCancelOrder())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderCancelled(ORDER_ID, TENANT, "customer withdrew", LATER))
                .expectResultMessagePayload(OrderStatus.CANCELLED);
    }

    @Test
    void cancelWithoutReasonIsInvalid() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new CancelOrder(ORDER_ID, TENANT, null, LATER))
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo("reason")))
                .expectNoEvents();
    }

    @Test
    void cancelTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder())
                .when(anyCancelOrder())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OrderStatus.CANCELLED);
    }

    @Test
    void cancelAfterCarrierHandoverIsConflict() {
        fixture.givenCommands(anyReleaseOrder(), anyRecordCarrierHandover(SHIPMENT_ID))
                .when(anyCancelOrder())
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("orderId");
                    assertThat(exception.value()).isEqualTo(ORDER_ID.toString());
                    assertThat(exception.getMessage()).contains(SHIPMENT_ID);
                }))
                .expectNoEvents();
    }

    @Test
    void cancelAgainAfterLateHandoverIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder(), anyRecordCarrierHandover(SHIPMENT_ID))
                .when(anyCancelOrder())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(OrderStatus.CANCELLED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherTenantCommands")
    void otherTenantGetsNotFound(String commandName, Object command) {
        fixture.givenCommands(anyReleaseOrder())
                .when(command)
                .expectException(satisfies(NotFoundException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("orderId");
                    assertThat(exception.value()).isEqualTo(ORDER_ID.toString());
                }))
                .expectNoEvents();
    }

    static Stream<Arguments> otherTenantCommands() {
        return Stream.of(
                arguments("PlaceOrderOnHold", new PlaceOrderOnHold(ORDER_ID, OTHER_TENANT, "check", LATER)),
                arguments("ReleaseOrderHold", new ReleaseOrderHold(ORDER_ID, OTHER_TENANT, "cleared", LATER)),
                arguments("CancelOrder", new CancelOrder(ORDER_ID, OTHER_TENANT, "withdrawn", LATER)),
                arguments("RecordCarrierHandover",
                        new RecordCarrierHandover(ORDER_ID, OTHER_TENANT, SHIPMENT_ID, LATER)));
    }

    @Test
    void handoverRecordsOrderHandedToCarrier() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyRecordCarrierHandover(SHIPMENT_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderHandedToCarrier(ORDER_ID, TENANT, SHIPMENT_ID, LATER, false));
    }

    @Test
    void handoverAfterCancellationIsFlagged() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder())
                .when(anyRecordCarrierHandover(SHIPMENT_ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderHandedToCarrier(ORDER_ID, TENANT, SHIPMENT_ID, LATER, true));
    }

    @Test
    void handoverTwiceForSameShipmentRecordsOnce() {
        fixture.givenCommands(anyReleaseOrder(), anyRecordCarrierHandover(SHIPMENT_ID))
                .when(new RecordCarrierHandover(ORDER_ID, TENANT, SHIPMENT_ID, LATER.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void handoverOfSecondShipmentIsRecorded() {
        String secondShipment = "9a7b1c2d-3e4f-3a5b-8c6d-7e8f9a0b1c2d";

        fixture.givenCommands(anyReleaseOrder(), anyRecordCarrierHandover(SHIPMENT_ID))
                .when(anyRecordCarrierHandover(secondShipment))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderHandedToCarrier(ORDER_ID, TENANT, secondShipment, LATER, false));
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
    void handoverWithoutShipmentIdIsInvalid() {
        fixture.givenCommands(anyReleaseOrder())
                .when(new RecordCarrierHandover(ORDER_ID, TENANT, " ", LATER))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
