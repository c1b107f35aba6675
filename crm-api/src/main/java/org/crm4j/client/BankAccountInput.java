package org.crm4j.client;

import org.jspecify.annotations.Nullable;

/**
 * A bank account as typed, not yet checked: either a Russian account (BIK, account, correspondent account) or
 * an international one (IBAN, BIC). Use {@link #ru} or {@link #iban}.
 *
 * @param bik                  BIK of a Russian bank, or {@code null}
 * @param account              settlement account, or {@code null}
 * @param correspondentAccount correspondent account, or {@code null}
 * @param iban                 IBAN, or {@code null}
 * @param bic                  SWIFT BIC, or {@code null}
 * @param bankName             bank name, or {@code null}
 */
public record BankAccountInput(@Nullable String bik, @Nullable String account, @Nullable String correspondentAccount,
                               @Nullable String iban, @Nullable String bic, @Nullable String bankName) {

    public static BankAccountInput ru(String bik, String account, @Nullable String correspondentAccount,
                                      @Nullable String bankName) {
        return new BankAccountInput(bik, account, correspondentAccount, null, null, bankName);
    }

    public static BankAccountInput iban(String iban, @Nullable String bic, @Nullable String bankName) {
        return new BankAccountInput(null, null, null, iban, bic, bankName);
    }

    /** True when this is an international account. */
    public boolean isIban() {
        return iban != null;
    }
}
