package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.crm4j.tck.Refusals.refused;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final Currency RUB = Currency.getInstance("RUB");
    private static final Currency JPY = Currency.getInstance("JPY");

    // --- valid input -------------------------------------------------------------------------------------

    @Test
    void an_amount_in_roubles_is_scaled_to_kopecks() {
        Money money = Money.of("1500.5", "RUB");

        assertThat(money.amount()).isEqualByComparingTo("1500.50");
        assertThat(money.amount().scale()).isEqualTo(2);
        assertThat(money.currency()).isEqualTo(RUB);
        assertThat(money).hasToString("1500.50 RUB");
    }

    @Test
    void amounts_equal_in_value_are_equal_whatever_their_scale() {
        assertThat(Money.of("1500.5", "RUB"))
                .isEqualTo(Money.of("1500.50", "RUB"))
                .isEqualTo(Money.of(new BigDecimal("1500.500"), "RUB"))
                .isEqualTo(Money.of(new BigDecimal("1.5005E+3"), RUB))
                .hasSameHashCodeAs(Money.of("1500.50", "RUB"));
    }

    @Test
    void an_amount_in_yen_has_no_fraction() {
        Money money = Money.of("1500", "JPY");

        assertThat(money.amount().scale()).isZero();
        assertThat(money).hasToString("1500 JPY");
        assertThat(Money.of("1500.0", "JPY")).isEqualTo(money);
    }

    @Test
    void a_currency_with_three_fraction_digits_keeps_them() {
        assertThat(Money.of("1.555", "BHD")).hasToString("1.555 BHD");
    }

    @Test
    void the_amount_text_and_the_currency_code_are_stripped() {
        assertThat(Money.of(" 10.00 ", " RUB ")).isEqualTo(Money.of("10", "RUB"));
    }

    @Test
    void zero_and_negative_amounts_are_allowed() {
        assertThat(Money.zero(RUB).isZero()).isTrue();
        assertThat(Money.zero(RUB)).hasToString("0.00 RUB");
        assertThat(Money.of("-0.01", "RUB").isNegative()).isTrue();
        assertThat(Money.of("0.01", "RUB").isNegative()).isFalse();
        assertThat(Money.of("-0.00", "RUB").isZero()).isTrue();
    }

    // --- arithmetic --------------------------------------------------------------------------------------

    @Test
    void money_of_one_currency_adds_and_subtracts() {
        Money a = Money.of("100.10", "RUB");
        Money b = Money.of("0.95", "RUB");

        assertThat(a.plus(b)).isEqualTo(Money.of("101.05", "RUB"));
        assertThat(a.minus(b)).isEqualTo(Money.of("99.15", "RUB"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-99.15", "RUB"));
    }

    @ParameterizedTest
    @CsvSource({
            "100.00, 0.5, 50.00",
            "0.05, 0.5, 0.02",      // 0.025 rounds half to even
            "0.15, 0.5, 0.08",      // 0.075 rounds half to even
            "10.00, 0.333, 3.33",
            "10.00, -1, -10.00",
            "10.00, 0, 0.00"})
    void multiplying_rounds_half_even_to_the_minor_unit(String amount, String factor, String expected) {
        assertThat(Money.of(amount, "RUB").times(new BigDecimal(factor))).isEqualTo(Money.of(expected, "RUB"));
    }

    @Test
    void money_orders_by_amount() {
        assertThat(Money.of("1.00", "RUB")).isLessThan(Money.of("1.01", "RUB"));
        assertThat(Money.of("1.00", "RUB").compareTo(Money.of("1", "RUB"))).isZero();
    }

    @Test
    void arithmetic_and_comparison_between_currencies_are_refused() {
        Money rub = Money.of("1.00", "RUB");
        Money eur = Money.of("1.00", "EUR");

        refused(() -> rub.plus(eur), "currency", "money.currency-mismatch", "EUR", "RUB", "EUR");
        refused(() -> rub.minus(eur), "currency", "money.currency-mismatch", "EUR");
        refused(() -> rub.compareTo(eur), "currency", "money.currency-mismatch", "EUR");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void more_fraction_digits_than_the_currency_has_are_refused_not_rounded() {
        refused(() -> Money.of("1500.505", "RUB"), "money", "money.scale", "1500.505", "1500.505", "2", "RUB");
        refused(() -> Money.of("1500.5", "JPY"), "money", "money.scale", "1500.5", "0", "JPY");
        refused(() -> Money.of(new BigDecimal("0.001"), RUB), "money", "money.scale", "0.001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,50", "1 500", "", "1.2.3", "RUB 10"})
    void an_amount_that_is_no_number_is_refused(String amount) {
        refused(() -> Money.of(amount, "RUB"), "money", "money.amount", amount, "'" + amount + "'", "not an amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "rub", "RU", "", "РУБ"})
    void a_code_that_is_no_iso_4217_currency_is_refused(String code) {
        refused(() -> Money.of("1", code), "currency", "money.currency", code, "'" + code + "'", "ISO 4217");
    }

    @Test
    void null_parts_are_refused() {
        assertThatNullPointerException().isThrownBy(() -> new Money(null, RUB)).withMessage("amount");
        assertThatNullPointerException().isThrownBy(() -> new Money(BigDecimal.ONE, null)).withMessage("currency");
        assertThatNullPointerException().isThrownBy(() -> Money.of((String) null, "RUB")).withMessage("amount");
        assertThatNullPointerException().isThrownBy(() -> Money.of("1", (String) null)).withMessage("currencyCode");
        assertThatNullPointerException().isThrownBy(() -> Money.zero(RUB).plus(null)).withMessage("other");
        assertThatNullPointerException().isThrownBy(() -> Money.zero(RUB).times(null)).withMessage("factor");
    }

    // --- properties --------------------------------------------------------------------------------------

    private static Money kopecks(long minor) {
        return Money.of(BigDecimal.valueOf(minor, 2), RUB);
    }

    @Property
    @Label("round trip: of(amount as text, currency code) equals the money")
    void money_rebuilt_from_its_text_is_equal(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor) {
        Money money = kopecks(minor);

        assertThat(Money.of(money.amount().toPlainString(), money.currency().getCurrencyCode())).isEqualTo(money);
        assertThat(Money.of(money.amount(), money.currency())).isEqualTo(money);
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @Property
    @Label("adding then subtracting the same money gives the original back")
    void plus_then_minus_is_identity(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                     @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(kopecks(a).plus(kopecks(b)).minus(kopecks(b))).isEqualTo(kopecks(a));
    }

    @Property
    @Label("addition is exact, commutative and has zero as identity")
    void addition_is_exact_and_commutative(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                           @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(kopecks(a).plus(kopecks(b))).isEqualTo(kopecks(b).plus(kopecks(a))).isEqualTo(kopecks(a + b));
        assertThat(kopecks(a).minus(kopecks(b))).isEqualTo(kopecks(a - b));
        assertThat(kopecks(a).plus(Money.zero(RUB))).isEqualTo(kopecks(a));
    }

    @Property
    @Label("money compares as its minor units do")
    void comparison_agrees_with_minor_units(@ForAll long a, @ForAll long b) {
        assertThat(Integer.signum(kopecks(a).compareTo(kopecks(b)))).isEqualTo(Long.signum(Long.compare(a, b)));
        assertThat(kopecks(a).isNegative()).isEqualTo(a < 0);
        assertThat(kopecks(a).isZero()).isEqualTo(a == 0);
    }

    @Property
    @Label("multiplying by a whole number is repeated addition")
    void times_a_whole_number_is_repeated_addition(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
                                                   @ForAll @IntRange(min = 0, max = 20) int n) {
        Money sum = Money.zero(RUB);
        for (int i = 0; i < n; i++) {
            sum = sum.plus(kopecks(a));
        }
        assertThat(kopecks(a).times(BigDecimal.valueOf(n))).isEqualTo(sum);
        assertThat(kopecks(a).times(BigDecimal.ONE)).isEqualTo(kopecks(a));
    }

    @Property
    @Label("yen amounts with a fraction are always refused")
    void yen_with_a_fraction_is_refused(@ForAll @LongRange(min = 0, max = 1_000_000) long whole,
                                        @ForAll @IntRange(min = 1, max = 99) int cents) {
        BigDecimal amount = BigDecimal.valueOf(whole * 100 + cents, 2);
        net.jqwik.api.Assume.that(amount.stripTrailingZeros().scale() > 0);

        refused(() -> Money.of(amount, JPY), "money", "money.scale", amount.toPlainString());
    }

    @Test
    void an_amount_typed_with_a_huge_exponent_is_refused_at_once() {
        refused(() -> Money.of("1e999999999", "RUB"), "money", "money.range", "1E+999999999", "30 integer digits");
        assertThat(Money.of("999999999999999999999999999999", "RUB").amount().precision()).isEqualTo(32);
    }
}
