package io.waybill.order;

import static io.waybill.order.OrderTestData.LATER;
import static io.waybill.order.OrderTestData.ORDER_ID;
import static io.waybill.order.OrderTestData.OTHER_TENANT;
import static io.waybill.order.OrderTestData.TENANT;
import static io.waybill.order.OrderTestData.anyCancelOrder;
import static io.waybill.order.OrderTestData.anyReleaseOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.OrderCommands.PaymentOutcome;
import io.waybill.order.api.OrderCommands.RecordPayment;
import io.waybill.order.api.PaymentMethod;
import io.waybill.order.api.PaymentRecorded;
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

/** Fixture tests of customer payments on the Order aggregate. */
class OrderPaymentsTest {

    private static final Money PART = Money.of("30.00", "EUR");

    private AggregateTestFixture<OrderAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(OrderAggregate.class);
    }

    static RecordPayment anyRecordPayment(String reference) {
        return new RecordPayment(ORDER_ID, TENANT, reference, PaymentMethod.CARD, PART, 3, LATER);
    }

    @Test
    void paymentRecordsPaymentRecorded() {
        fixture.givenCommands(anyReleaseOrder())
                .when(anyRecordPayment("PAY-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentRecorded(ORDER_ID, TENANT, "PAY-1", PaymentMethod.CARD, PART, 3, LATER))
                .expectResultMessagePayload(new PaymentOutcome(ORDER_ID, "PAY-1", true));
    }

    @Test
    void samePaymentTwiceIsNoOp() {
        fixture.givenCommands(anyReleaseOrder(), anyRecordPayment("PAY-1"))
                .when(anyRecordPayment("PAY-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentOutcome(ORDER_ID, "PAY-1", false));
    }

    @Test
    void sameReferenceOtherAmountIsConflict() {
        RecordPayment changed = new RecordPayment(ORDER_ID, TENANT, "PAY-1", PaymentMethod.CARD,
                Money.of("31.00", "EUR"), 3, LATER);

        fixture.givenCommands(anyReleaseOrder(), anyRecordPayment("PAY-1"))
                .when(changed)
                .expectException(satisfies(ConflictException.class, exception -> {
                    assertThat(exception.field()).isEqualTo("paymentReference");
                    assertThat(exception.value()).isEqualTo("PAY-1");
                }))
                .expectNoEvents();
    }

    @Test
    void secondPaymentIsRecorded() {
        fixture.givenCommands(anyReleaseOrder(), anyRecordPayment("PAY-1"))
                .when(anyRecordPayment("PAY-2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentRecorded(ORDER_ID, TENANT, "PAY-2", PaymentMethod.CARD, PART, 3, LATER));
    }

    @Test
    void paymentOnCancelledOrderIsRecorded() {
        fixture.givenCommands(anyReleaseOrder(), anyCancelOrder())
                .when(anyRecordPayment("PAY-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentRecorded(ORDER_ID, TENANT, "PAY-1", PaymentMethod.CARD, PART, 3, LATER));
    }

    @Test
    void otherTenantGetsNotFound() {
        RecordPayment foreign = new RecordPayment(ORDER_ID, OTHER_TENANT, "PAY-1", PaymentMethod.CARD, PART, 1,
                LATER);

        fixture.givenCommands(anyReleaseOrder())
                .when(foreign)
                .expectException(satisfies(NotFoundException.class,
                        exception -> assertThat(exception.field()).isEqualTo("orderId")))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidPayments")
    void paymentRejectsInvalidField(String invalidField, String value, RecordPayment command) {
        fixture.givenCommands(anyReleaseOrder())
                .when(command)
                .expectException(satisfies(InvalidValueException.class, exception -> {
                    assertThat(exception.field()).isEqualTo(invalidField);
                    assertThat(exception.value()).isEqualTo(value);
                }))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidPayments() {
        return Stream.of(
                arguments("paymentReference", " ",
                        new RecordPayment(ORDER_ID, TENANT, " ", PaymentMethod.CARD, PART, 1, LATER)),
                arguments("method", null, new RecordPayment(ORDER_ID, TENANT, "P", null, PART, 1, LATER)),
                arguments("amount", null,
                        new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD, null, 1, LATER)),
                arguments("amount", "0.00", new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD,
                        Money.of("0", "EUR"), 1, LATER)),
                arguments("amount", "-5.00", new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD,
                        Money.of("-5", "EUR"), 1, LATER)),
                arguments("currency", "USD", new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD,
                        Money.of("5", "USD"), 1, LATER)),
                arguments("installments", "0",
                        new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD, PART, 0, LATER)),
                arguments("installments", "100",
                        new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD, PART, 100, LATER)),
                arguments("occurredAt", null,
                        new RecordPayment(ORDER_ID, TENANT, "P", PaymentMethod.CARD, PART, 1, null)));
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
