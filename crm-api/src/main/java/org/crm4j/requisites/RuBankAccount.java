package org.crm4j.requisites;

import java.util.Objects;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A bank account in Russia: the BIK of the bank, the 20-digit settlement account (расчётный счёт) and the bank's
 * 20-digit correspondent account (корреспондентский счёт). Both accounts carry a control key computed with the
 * BIK, as the Bank of Russia prescribes: the 23 digits of a three-digit prefix and the account, weighted
 * 7-1-3 repeating, must sum to a multiple of 10. The prefix of a settlement account is the last three digits of
 * the BIK (or "0" and BIK digits 5-6 for a Bank of Russia division); the prefix of a correspondent account is
 * "0" and BIK digits 5-6. Immutable and thread-safe.
 *
 * @param bik                  the bank
 * @param account              the settlement account, 20 digits
 * @param correspondentAccount the bank's correspondent account, 20 digits starting with 30101, or {@code null}
 *                             for an account held directly at the Bank of Russia
 * @param bankName             the bank's name as printed on documents, or {@code null}
 */
public record RuBankAccount(Bik bik, String account, @Nullable String correspondentAccount,
                            @Nullable String bankName) implements BankAccount {
    private static final int[] WEIGHTS = {7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1};

    public RuBankAccount {
        Objects.requireNonNull(bik, "bik");
        Objects.requireNonNull(account, "account");
        Violations v = new Violations();
        String rawAccount = account;
        String corr = correspondentAccount;
        String checkedAccount = v.field("account", () -> checked(rawAccount, settlementPrefix(bik), "account"));
        String checkedCorr = null;
        if (corr != null && !corr.isBlank()) {
            checkedCorr = v.field("correspondentAccount",
                    () -> checked(corr, correspondentPrefix(bik), "correspondentAccount"));
            if (checkedCorr != null && !checkedCorr.startsWith("30101")) {
                v.add("correspondentAccount", "correspondent-account.balance", corr,
                        "a correspondent account starts with 30101, was '" + corr + "'");
            }
        }
        v.throwIfAny();
        account = checkedAccount;
        correspondentAccount = checkedCorr;
        bankName = bankName == null || bankName.isBlank() ? null : bankName.strip();
    }

    public static RuBankAccount of(Bik bik, String account, @Nullable String correspondentAccount) {
        return new RuBankAccount(bik, account, correspondentAccount, null);
    }

    /** True when the 20-digit settlement account's control key agrees with the BIK. */
    public static boolean isValidSettlementAccount(Bik bik, String account) {
        return account.length() == 20 && Digits.allDigits(account) && keyOk(settlementPrefix(bik) + account);
    }

    /** True when the 20-digit correspondent account's control key agrees with the BIK. */
    public static boolean isValidCorrespondentAccount(Bik bik, String account) {
        return account.length() == 20 && Digits.allDigits(account) && keyOk(correspondentPrefix(bik) + account);
    }

    static String settlementPrefix(Bik bik) {
        return bik.isBankOfRussiaDivision() ? correspondentPrefix(bik) : bik.value().substring(6, 9);
    }

    static String correspondentPrefix(Bik bik) {
        return "0" + bik.value().substring(4, 6);
    }

    private static String checked(String raw, String prefix, String field) {
        String digits = Digits.require(raw, field, "account", 20);
        if (!keyOk(prefix + digits)) {
            throw new ValidationException(field, "account.control-key", raw,
                    field + " " + digits + " does not match the control key computed with the BIK");
        }
        return digits;
    }

    private static boolean keyOk(String twentyThree) {
        return Digits.weighted(twentyThree, 0, WEIGHTS) % 10 == 0;
    }

    /** The currency code of the account: digits 6-8 (810 or 643 for roubles). */
    public String currencyCode() {
        return account.substring(5, 8);
    }
}
