package org.crm4j.requisites;

import org.jspecify.annotations.Nullable;

/**
 * A bank account of a client: a Russian account keyed by BIK ({@link RuBankAccount}) or an international one
 * keyed by IBAN ({@link IbanAccount}). Immutable.
 */
public sealed interface BankAccount permits RuBankAccount, IbanAccount {
    /** The bank's name as printed on documents, or {@code null}. */
    @Nullable String bankName();
}
