package io.waybill.order;

import io.waybill.kernel.InvalidValueException;
import io.waybill.order.api.OrderCommands.RecordPayment;
import io.waybill.order.api.PaymentRecorded;
import java.util.Currency;

/** Field rules of a customer payment, and what makes a repeated payment reference the same payment. */
final class PaymentRules {

    static final int MAX_INSTALLMENTS = 99;

    private PaymentRules() {
    }

    static void validate(RecordPayment command, Currency orderCurrency) {
        ReleaseRules.requireText("paymentReference", command.paymentReference());
        if (command.method() == null) {
            throw new InvalidValueException("method", null,
                    "give one of CARD, BANK_TRANSFER, INSTANT_PAYMENT, BANK_SLIP, WALLET, CASH_ON_DELIVERY, OTHER");
        }
        if (command.amount() == null) {
            throw new InvalidValueException("amount", null, "give the amount paid");
        }
        if (command.amount().amount().signum() <= 0) {
            throw new InvalidValueException("amount", command.amount().amount().toPlainString(),
                    "give a positive amount; record a refund as a credit");
        }
        if (!command.amount().currency().equals(orderCurrency)) {
            throw new InvalidValueException("currency", command.amount().currency().getCurrencyCode(),
                    "pay in the order currency " + orderCurrency.getCurrencyCode());
        }
        if (command.installments() < 1 || command.installments() > MAX_INSTALLMENTS) {
            throw new InvalidValueException("installments", String.valueOf(command.installments()),
                    "give the number of instalments from 1 to " + MAX_INSTALLMENTS);
        }
        if (command.occurredAt() == null) {
            throw new InvalidValueException("occurredAt", null, "give the payment time as a UTC instant");
        }
    }

    /** Returns true when the command repeats the recorded payment; the time is part of the content. */
    static boolean sameContent(PaymentRecorded recorded, RecordPayment command) {
        return recorded.method() == command.method()
                && recorded.amount().equals(command.amount())
                && recorded.installments() == command.installments()
                && recorded.occurredAt().equals(command.occurredAt());
    }
}
