package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.util.UUID;

/** A bank account: a Russian account with its BIK, or an IBAN with its BIC. */
@Entity(name = "CrmClientBankAccountPart")
@DiscriminatorValue("BANK_ACCOUNT")
class BankAccountPart extends ClientPartEntity {
    /** The BIK of a Russian account, the BIC (or null) of an IBAN. */
    @Column(name = "bank_code")
    String bankCode;
    /** 20 digits, or an IBAN. */
    String account;
    @Column(name = "correspondent_account")
    String correspondentAccount;
    @Column(name = "bank_name")
    String bankName;

    protected BankAccountPart() {
    }

    BankAccountPart(UUID clientId, long cardVersion, int ord) {
        super(clientId, cardVersion, ord);
    }
}
