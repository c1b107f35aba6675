package org.crm4j.requisites;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An international bank account: the IBAN and the bank's BIC. Immutable and thread-safe.
 *
 * @param iban     the account
 * @param bic      the bank, or {@code null} where the IBAN alone suffices (SEPA)
 * @param bankName the bank's name, or {@code null}
 */
public record IbanAccount(Iban iban, @Nullable Bic bic, @Nullable String bankName) implements BankAccount {
    public IbanAccount {
        Objects.requireNonNull(iban, "iban");
        bankName = bankName == null || bankName.isBlank() ? null : bankName.strip();
    }

    public static IbanAccount of(Iban iban, @Nullable Bic bic) {
        return new IbanAccount(iban, bic, null);
    }
}
