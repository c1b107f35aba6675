package org.crm4j.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency: a {@link BigDecimal} scaled to the currency's minor unit (2 for RUB and
 * EUR, 0 for JPY). An amount with more fraction digits than the currency has is refused, never rounded silently.
 * Amounts of more than {@value #MAX_INTEGER_DIGITS} integer digits are refused too, before any arithmetic, so
 * that a typed {@code 1e999999999} cannot make the JVM build a billion-digit number. Arithmetic between
 * different currencies is refused. Immutable and thread-safe.
 *
 * @param amount   the amount, scaled to the currency's minor unit
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The most integer digits an amount may have: far beyond any real sum, far below a costly number. */
    public static final int MAX_INTEGER_DIGITS = 30;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new ValidationException("money", "money.range", amount.toString(),
                    "amount " + amount + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new ValidationException("money", "money.scale", amount.toPlainString(),
                    "amount " + amount.toPlainString() + " has more than " + digits + " fraction digits for "
                            + currency.getCurrencyCode());
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /** {@code Money.of("1500.50", "RUB")}. */
    public static Money of(String amount, String currencyCode) {
        return of(parseAmount(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    private static BigDecimal parseAmount(String amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("money", "money.amount", amount, "'" + amount + "' is not an amount");
        }
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currencyCode");
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "money.currency", code,
                    "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** Multiplies and rounds half-even to the currency's minor unit (a weighted amount, a share). */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.multiply(factor).setScale(digits, RoundingMode.HALF_EVEN), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "money.currency-mismatch", other.currency.getCurrencyCode(),
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
