package org.crm4j.requisites;

import org.crm4j.common.ValidationException;

/**
 * БИК, the Russian bank identification code: nine digits, "04" for Russia, then the region, the division of
 * the Bank of Russia and the bank's number. BIK has no check digit of its own; it takes part in the control key
 * of the accounts held at the bank (see {@link RuBankAccount}). Immutable and thread-safe.
 *
 * @param value the nine digits
 */
public record Bik(String value) {
    public Bik {
        value = Digits.require(value, "bik", "bik", 9);
        if (!value.startsWith("04")) {
            throw new ValidationException("bik", "bik.country", value,
                    "BIK " + value + " must start with 04, the code of Russia");
        }
    }

    public static Bik of(String value) {
        return new Bik(value);
    }

    /**
     * True when the BIK is a settlement centre of the Bank of Russia (its last three digits are 000, 001 or
     * 002); accounts there are keyed with the division digits instead of the bank number.
     */
    public boolean isBankOfRussiaDivision() {
        String tail = value.substring(6);
        return "000".equals(tail) || "001".equals(tail) || "002".equals(tail);
    }

    @Override
    public String toString() {
        return value;
    }
}
