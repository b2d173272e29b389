package io.waybill.shipment;

import static io.waybill.shipment.ShipmentTestData.ORDER_ID;
import static io.waybill.shipment.ShipmentTestData.OTHER_TENANT;
import static io.waybill.shipment.ShipmentTestData.SHIPMENT_ID;
import static io.waybill.shipment.ShipmentTestData.TENANT;
import static io.waybill.shipment.ShipmentTestData.anyCreateShipment;
import static io.waybill.shipment.ShipmentTestData.anyTenderShipment;
import static io.waybill.shipment.ShipmentTestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.CarrierInvoiceRecorded;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import io.waybill.shipment.api.ExpectedChargesRecorded;
import io.waybill.shipment.api.ShipmentCommands.ChargeOutcome;
import io.waybill.shipment.api.ShipmentCommands.RecordCarrierInvoice;
import io.waybill.shipment.api.ShipmentCommands.RecordExpectedCharges;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixture tests of expected charges (quotes) and carrier invoices on the Shipment aggregate. */
class ChargeRulesTest {

    private static final PartnerId CARRIER = PartnerId.of("ups");

    private AggregateTestFixture<ShipmentAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(ShipmentAggregate.class);
    }

    static ChargeLine line(ChargeType type, String amount) {
        return new ChargeLine(type, type.name().toLowerCase(), null, Money.of(amount, "EUR"));
    }

    static List<ChargeLine> anyQuoteLines() {
        return List.of(line(ChargeType.BASE_FREIGHT, "12.50"), line(ChargeType.FUEL_SURCHARGE, "1.90"));
    }

    static List<ChargeLine> anyInvoiceLines() {
        return List.of(line(ChargeType.BASE_FREIGHT, "12.50"), line(ChargeType.FUEL_SURCHARGE, "2.10"),
                line(ChargeType.FAILED_ATTEMPT_FEE, "4.00"), line(ChargeType.DISCOUNT, "-1.00"));
    }

    static RecordExpectedCharges quote(String reference, List<ChargeLine> lines) {
        return new RecordExpectedCharges(SHIPMENT_ID, TENANT, reference, lines, at("07:40"));
    }

    static RecordCarrierInvoice invoice(String reference, List<ChargeLine> lines) {
        return new RecordCarrierInvoice(SHIPMENT_ID, TENANT, CARRIER, reference, lines, at("20:00"));
    }

    @Test
    void quoteRecordsExpectedCharges() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(quote("Q-1", anyQuoteLines()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExpectedChargesRecorded(SHIPMENT_ID, TENANT, ORDER_ID, "Q-1", anyQuoteLines(),
                        at("07:40")))
                .expectResultMessagePayload(new ChargeOutcome(SHIPMENT_ID, "Q-1", true));
    }

    @Test
    void sameQuoteTwiceIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), quote("Q-1", anyQuoteLines()))
                .when(quote("Q-1", anyQuoteLines()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ChargeOutcome(SHIPMENT_ID, "Q-1", false));
    }

    @Test
    void sameQuoteReferenceOtherLinesIsConflict() {
        fixture.givenCommands(anyCreateShipment(), quote("Q-1", anyQuoteLines()))
                .when(quote("Q-1", List.of(line(ChargeType.BASE_FREIGHT, "13.00"))))
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("quoteReference");
                    assertThat(exception.value()).isEqualTo("Q-1");
                }))
                .expectNoEvents();
    }

    @Test
    void secondQuoteIsRecorded() {
        List<ChargeLine> requote = List.of(line(ChargeType.BASE_FREIGHT, "14.00"));

        fixture.givenCommands(anyCreateShipment(), quote("Q-1", anyQuoteLines()))
                .when(quote("Q-2", requote))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExpectedChargesRecorded(SHIPMENT_ID, TENANT, ORDER_ID, "Q-2", requote,
                        at("07:40")));
    }

    @Test
    void invoiceRecordsCarrierInvoice() {
        fixture.givenCommands(anyCreateShipment(), anyTenderShipment())
                .when(invoice("INV-1", anyInvoiceLines()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CarrierInvoiceRecorded(SHIPMENT_ID, TENANT, ORDER_ID, CARRIER, "INV-1",
                        anyInvoiceLines(), at("20:00")))
                .expectResultMessagePayload(new ChargeOutcome(SHIPMENT_ID, "INV-1", true));
    }

    @Test
    void sameInvoiceTwiceIsNoOp() {
        fixture.givenCommands(anyCreateShipment(), invoice("INV-1", anyInvoiceLines()))
                .when(invoice("INV-1", anyInvoiceLines()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ChargeOutcome(SHIPMENT_ID, "INV-1", false));
    }

    @Test
    void sameInvoiceReferenceOtherLinesIsConflict() {
        fixture.givenCommands(anyCreateShipment(), invoice("INV-1", anyInvoiceLines()))
                .when(invoice("INV-1", anyQuoteLines()))
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("invoiceReference");
                    assertThat(exception.value()).isEqualTo("INV-1");
                }))
                .expectNoEvents();
    }

    @Test
    void invoiceWithoutCarrierIsInvalid() {
        RecordCarrierInvoice noCarrier = new RecordCarrierInvoice(SHIPMENT_ID, TENANT, null, "INV-1",
                anyInvoiceLines(), at("20:00"));

        fixture.givenCommands(anyCreateShipment())
                .when(noCarrier)
                .expectException(satisfies(InvalidValueException.class,
                        exception -> assertThat(exception.field()).isEqualTo("carrierId")))
                .expectNoEvents();
    }

    @Test
    void quoteFromOtherTenantIsNotFound() {
        RecordExpectedCharges foreign = new RecordExpectedCharges(SHIPMENT_ID, OTHER_TENANT, "Q-1",
                anyQuoteLines(), at("07:40"));

        fixture.givenCommands(anyCreateShipment())
                .when(foreign)
                .expectException(satisfies(NotFoundException.class,
                        exception -> assertThat(exception.field()).isEqualTo("shipmentId")))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidDocuments")
    void chargeRulesRejectInvalidLine(String invalidField, String value, String reference, List<ChargeLine> lines) {
        fixture.givenCommands(anyCreateShipment())
                .when(quote(reference, lines))
                .expectException(satisfies(InvalidValueException.class, exception -> {
                    assertThat(exception.field()).isEqualTo(invalidField);
                    assertThat(exception.value()).isEqualTo(value);
                }))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                arguments("quoteReference", " ", " ", anyQuoteLines()),
                arguments("quoteReference", null, null, anyQuoteLines()),
                arguments("lines", "[]", "Q-1", List.of()),
                arguments("lines[0].type", null, "Q-1",
                        List.of(new ChargeLine(null, "x", null, Money.of("1", "EUR")))),
                arguments("lines[0].amount", null, "Q-1",
                        List.of(new ChargeLine(ChargeType.BASE_FREIGHT, "x", null, null))),
                arguments("lines[1].amount", "-2.00", "Q-1",
                        List.of(line(ChargeType.BASE_FREIGHT, "10"), line(ChargeType.RETURN_FEE, "-2"))),
                arguments("lines[1].amount", "2.00", "Q-1",
                        List.of(line(ChargeType.BASE_FREIGHT, "10"), line(ChargeType.DISCOUNT, "2"))),
                arguments("lines[1].amount.currency", "USD", "Q-1",
                        Arrays.asList(line(ChargeType.BASE_FREIGHT, "10"),
                                new ChargeLine(ChargeType.FUEL_SURCHARGE, "fs", null, Money.of("1", "USD")))));
    }

    @Test
    void zeroChargeIsAccepted() {
        List<ChargeLine> free = List.of(line(ChargeType.BASE_FREIGHT, "0"));

        fixture.givenCommands(anyCreateShipment())
                .when(quote("Q-0", free))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExpectedChargesRecorded(SHIPMENT_ID, TENANT, ORDER_ID, "Q-0", free, at("07:40")));
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
}
