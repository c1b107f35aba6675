package org.crm4j.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;
import static org.crm4j.tck.Refusals.accepts;
import static org.crm4j.tck.Refusals.refusal;
import static org.crm4j.tck.Refusals.refused;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.tck.ValidNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuBankAccountTest {
    private static final Bik SBER = Bik.of("044525225");
    private static final String SBER_CORR = "30101810400000000225";
    private static final String SBER_SETTLEMENT = ValidNumbers.settlementAccount(SBER, 1234);
    private static final int[] WEIGHTS = {7, 1, 3};

    // --- valid input -------------------------------------------------------------------------------------

    @Test
    void an_account_at_sberbank_with_its_correspondent_account_is_accepted() {
        RuBankAccount account = new RuBankAccount(SBER, SBER_SETTLEMENT, SBER_CORR, "  ПАО Сбербанк ");

        assertThat(account.bik()).isEqualTo(SBER);
        assertThat(account.account()).isEqualTo(SBER_SETTLEMENT);
        assertThat(account.correspondentAccount()).isEqualTo(SBER_CORR);
        assertThat(account.bankName()).isEqualTo("ПАО Сбербанк");
        assertThat(account.currencyCode()).isEqualTo("810");
    }

    @ParameterizedTest
    @CsvSource({
            "044525225, 30101810400000000225",  // Sberbank
            "044525187, 30101810700000000187",  // VTB
            "044525593, 30101810200000000593",  // Alfa-Bank
            "044525974, 30101810145250000974",  // T-Bank
            "044030653, 30101810500000000653"}) // Sberbank, North-West
    void real_correspondent_accounts_agree_with_their_biks(String bik, String corr) {
        assertThat(RuBankAccount.isValidCorrespondentAccount(Bik.of(bik), corr)).isTrue();
        RuBankAccount account = RuBankAccount.of(Bik.of(bik), ValidNumbers.settlementAccount(Bik.of(bik), 7), corr);
        assertThat(account.correspondentAccount()).isEqualTo(corr);
    }

    @Test
    void an_account_at_a_bank_of_russia_division_is_keyed_with_the_division_digits_and_needs_no_correspondent() {
        Bik division = Bik.of("044525000");
        // the treasury account the tax service published for Moscow region payments
        RuBankAccount account = RuBankAccount.of(division, "40101810845250010102", null);

        assertThat(account.account()).isEqualTo("40101810845250010102");
        assertThat(account.correspondentAccount()).isNull();
        assertThat(RuBankAccount.isValidSettlementAccount(division, "40101810845250010102")).isTrue();
    }

    @Test
    void an_account_keyed_with_the_bank_number_is_refused_at_a_bank_of_russia_division() {
        Bik division = Bik.of("044525000");
        String keyedWithBankNumber = withKey("000", "40702810_00000001234");

        refused(() -> RuBankAccount.of(division, keyedWithBankNumber, null), "account", "account.control-key",
                keyedWithBankNumber);
    }

    @Test
    void a_blank_correspondent_account_counts_as_none() {
        assertThat(RuBankAccount.of(SBER, SBER_SETTLEMENT, "  ").correspondentAccount()).isNull();
        assertThat(RuBankAccount.of(SBER, SBER_SETTLEMENT, "").correspondentAccount()).isNull();
    }

    @Test
    void a_blank_bank_name_counts_as_none() {
        assertThat(new RuBankAccount(SBER, SBER_SETTLEMENT, SBER_CORR, " ").bankName()).isNull();
        assertThat(RuBankAccount.of(SBER, SBER_SETTLEMENT, SBER_CORR).bankName()).isNull();
    }

    // --- boundaries --------------------------------------------------------------------------------------

    @Test
    void surrounding_whitespace_of_both_accounts_is_stripped() {
        RuBankAccount account = RuBankAccount.of(SBER, " " + SBER_SETTLEMENT + "\t", "\n" + SBER_CORR + " ");

        assertThat(account).isEqualTo(RuBankAccount.of(SBER, SBER_SETTLEMENT, SBER_CORR));
    }

    @Test
    void an_account_of_zeros_with_its_key_is_accepted() {
        String zeros = withKey("225", "00000000_00000000000");

        assertThat(RuBankAccount.of(SBER, zeros, null).account()).isEqualTo(zeros).startsWith("00000000");
    }

    // --- bad input ---------------------------------------------------------------------------------------

    @Test
    void a_settlement_account_with_a_wrong_control_key_is_refused() {
        String wrong = InnTest.shiftDigit(SBER_SETTLEMENT, 8, 1);

        refused(() -> RuBankAccount.of(SBER, wrong, SBER_CORR), "account", "account.control-key", wrong,
                wrong, "control key", "BIK");
    }

    @Test
    void a_settlement_account_of_another_bank_is_refused() {
        Bik vtb = Bik.of("044525187");

        refused(() -> RuBankAccount.of(vtb, SBER_SETTLEMENT, "30101810700000000187"), "account",
                "account.control-key", SBER_SETTLEMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4070281090000000123", "407028109000000012345", "", "4070281090000000123A",
            "40702 810900000001234", "   "})
    void a_settlement_account_of_another_length_or_with_other_characters_is_refused(String value) {
        refused(() -> RuBankAccount.of(SBER, value, SBER_CORR), "account", "account.format", value, "20 digits");
    }

    @Test
    void a_correspondent_account_with_a_wrong_control_key_is_refused() {
        refused(() -> RuBankAccount.of(SBER, SBER_SETTLEMENT, "30101810500000000225"), "correspondentAccount",
                "account.control-key", "30101810500000000225", "control key");
    }

    @Test
    void a_correspondent_account_of_a_bank_in_another_region_is_refused() {
        refused(() -> RuBankAccount.of(SBER, SBER_SETTLEMENT, "30101810500000000653"), "correspondentAccount",
                "account.control-key", "30101810500000000653");
    }

    @Test
    void the_key_of_a_correspondent_account_depends_only_on_the_region_digits_of_the_bik() {
        // VTB's correspondent account passes the key at Sberbank's BIK: both banks are in Moscow (BIK digits 25)
        assertThat(RuBankAccount.isValidCorrespondentAccount(SBER, "30101810700000000187")).isTrue();
        assertThat(RuBankAccount.of(SBER, SBER_SETTLEMENT, "30101810700000000187").correspondentAccount())
                .isEqualTo("30101810700000000187");
    }

    @Test
    void a_correspondent_account_of_the_wrong_length_is_refused() {
        refused(() -> RuBankAccount.of(SBER, SBER_SETTLEMENT, "3010181040000000022"), "correspondentAccount",
                "account.format", "3010181040000000022", "20 digits");
    }

    @Test
    void a_correspondent_account_not_on_balance_account_30101_is_refused_even_with_a_right_key() {
        String notCorrespondent = withKey("025", "40702810_00000000225");
        assertThat(RuBankAccount.isValidCorrespondentAccount(SBER, notCorrespondent)).isTrue();

        refused(() -> RuBankAccount.of(SBER, SBER_SETTLEMENT, notCorrespondent), "correspondentAccount",
                "correspondent-account.balance", notCorrespondent, "30101");
    }

    @Test
    void a_bad_settlement_and_a_bad_correspondent_account_are_reported_together() {
        ValidationException e = refusal(() -> RuBankAccount.of(SBER, "123", "30101810500000000225"));

        assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                tuple("account", "account.format"),
                tuple("correspondentAccount", "account.control-key"));
        assertThat(e.getMessage()).contains("account").contains("correspondentAccount");
    }

    @Test
    void a_missing_bik_or_account_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> RuBankAccount.of(null, SBER_SETTLEMENT, SBER_CORR))
                .withMessage("bik");
        assertThatNullPointerException().isThrownBy(() -> RuBankAccount.of(SBER, null, SBER_CORR))
                .withMessage("account");
    }

    @Test
    void the_static_checks_answer_false_for_malformed_input_instead_of_throwing() {
        assertThat(RuBankAccount.isValidSettlementAccount(SBER, "123")).isFalse();
        assertThat(RuBankAccount.isValidSettlementAccount(SBER, "4070281090000000123A")).isFalse();
        assertThat(RuBankAccount.isValidCorrespondentAccount(SBER, "")).isFalse();
        assertThat(RuBankAccount.isValidSettlementAccount(SBER, SBER_SETTLEMENT)).isTrue();
        assertThat(RuBankAccount.isValidSettlementAccount(SBER, SBER_CORR)).isFalse();
    }

    // --- properties --------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Bik> biks() {
        Arbitrary<Bik> any = Arbitraries.integers().between(0, 9_999_999).map(n -> Bik.of("04" + InnTest.pad(n, 7)));
        Arbitrary<Bik> division = Arbitraries.integers().between(0, 9_999).map(n -> Bik.of("04" + InnTest.pad(n, 4)
                + "00" + (n % 3)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(1, division));
    }

    @Property
    @Label("generated settlement and correspondent accounts are accepted at any BIK")
    void generated_accounts_are_accepted(@ForAll("biks") Bik bik,
                                         @ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        String settlement = ValidNumbers.settlementAccount(bik, seq);
        String corr = ValidNumbers.correspondentAccount(bik);

        RuBankAccount account = RuBankAccount.of(bik, settlement, corr);

        assertThat(account.account()).isEqualTo(settlement);
        assertThat(account.correspondentAccount()).isEqualTo(corr);
        assertThat(RuBankAccount.isValidSettlementAccount(bik, settlement)).isTrue();
        assertThat(RuBankAccount.isValidCorrespondentAccount(bik, corr)).isTrue();
    }

    @Property
    @Label("round trip: an account rebuilt from its parts is equal")
    void an_account_rebuilt_from_its_parts_is_equal(@ForAll("biks") Bik bik,
                                                    @ForAll @LongRange(min = 0, max = 9_999_999) long seq) {
        RuBankAccount account = new RuBankAccount(bik, ValidNumbers.settlementAccount(bik, seq),
                ValidNumbers.correspondentAccount(bik), "Bank " + seq);

        assertThat(new RuBankAccount(Bik.of(account.bik().value()), account.account(),
                account.correspondentAccount(), account.bankName())).isEqualTo(account);
    }

    @Property
    @Label("changing any single digit of a settlement account is always refused")
    void changing_any_digit_of_a_settlement_account_is_refused(
            @ForAll("biks") Bik bik, @ForAll @LongRange(min = 0, max = 9_999_999) long seq,
            @ForAll @IntRange(min = 0, max = 19) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.settlementAccount(bik, seq), position, shift);

        refused(() -> RuBankAccount.of(bik, changed, ValidNumbers.correspondentAccount(bik)), "account",
                "account.control-key", changed, "control key");
        assertThat(RuBankAccount.isValidSettlementAccount(bik, changed)).isFalse();
    }

    @Property
    @Label("changing any single digit of a correspondent account is always refused")
    void changing_any_digit_of_a_correspondent_account_is_refused(
            @ForAll("biks") Bik bik, @ForAll @IntRange(min = 0, max = 19) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String changed = InnTest.shiftDigit(ValidNumbers.correspondentAccount(bik), position, shift);

        refused(() -> RuBankAccount.of(bik, ValidNumbers.settlementAccount(bik, 1), changed),
                "correspondentAccount", "account.control-key", changed, "control key");
        assertThat(RuBankAccount.isValidCorrespondentAccount(bik, changed)).isFalse();
    }

    @Property
    @Label("any twenty digits are a settlement account exactly when the oracle's control key agrees")
    void any_twenty_digits_are_accepted_exactly_when_the_key_agrees(
            @ForAll("biks") Bik bik, @ForAll @StringLength(20) @NumericChars String digits) {
        boolean keyOk = keySum(settlementPrefix(bik) + digits) % 10 == 0;

        assertThat(accepts(() -> RuBankAccount.of(bik, digits, null))).isEqualTo(keyOk);
        assertThat(RuBankAccount.isValidSettlementAccount(bik, digits)).isEqualTo(keyOk);
    }

    // --- the oracle, written out independently of RuBankAccount -----------------------------------------

    private static String settlementPrefix(Bik bik) {
        int tail = Integer.parseInt(bik.value().substring(6));
        return tail <= 2 ? "0" + bik.value().substring(4, 6) : bik.value().substring(6);
    }

    private static int keySum(String twentyThree) {
        int sum = 0;
        for (int i = 0; i < twentyThree.length(); i++) {
            sum += (twentyThree.charAt(i) - '0') * WEIGHTS[i % 3];
        }
        return sum;
    }

    /** Fills the '_' of a 20-character pattern with the control key that makes prefix + account valid. */
    private static String withKey(String prefix, String pattern) {
        for (char key = '0'; key <= '9'; key++) {
            String account = pattern.replace('_', key);
            if (keySum(prefix + account) % 10 == 0) {
                return account;
            }
        }
        throw new AssertionError("no key for " + pattern);
    }
}
