package io.waybill.kernel;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one ISO 4217 currency. Arithmetic between different currencies is rejected
 * rather than converted, because conversion needs a dated rate that this type does not have.
 */
public record Money(BigDecimal amount, Currency currency) {

    /**
     * Exclusive bound of an amount's magnitude: 15 integer digits, so every amount and total fits the
     * read models' {@code NUMERIC(19,4)} columns.
     */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidValueException("amount", amount.toPlainString(),
                    "give an amount below 1,000,000,000,000,000 in absolute value");
        }
        if (amount.scale() > currency.getDefaultFractionDigits() && amount.stripTrailingZeros().scale()
                > currency.getDefaultFractionDigits()) {
            throw new InvalidValueException("amount", amount.toPlainString(),
                    "use at most " + currency.getDefaultFractionDigits() + " decimal places for "
                            + currency.getCurrencyCode());
        }
        amount = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0));
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses an ISO 4217 code, rejecting unknown codes and codes without minor units (XXX, XAU). */
    public static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(Objects.requireNonNull(code, "currency"));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", code, "use an ISO 4217 code such as EUR, USD or BRL");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("currency", code,
                    "use the code of a currency with minor units, such as EUR, USD or BRL, not a fund or metal");
        }
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidValueException("currency", other.currency.getCurrencyCode(),
                    "use " + currency.getCurrencyCode() + " like the rest of this document");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
