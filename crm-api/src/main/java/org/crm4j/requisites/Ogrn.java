package org.crm4j.requisites;

import org.crm4j.common.ValidationException;

/**
 * ОГРН, the primary state registration number of an organisation: 13 digits, the first being 1 or 5 (or 2 for
 * a record of a change); the last is the first twelve taken as a number modulo 11, then modulo 10.
 * Immutable and thread-safe.
 *
 * @param value the 13 digits
 */
public record Ogrn(String value) {
    public Ogrn {
        value = Digits.require(value, "ogrn", "ogrn", 13);
        char sign = value.charAt(0);
        if (sign != '1' && sign != '5' && sign != '2') {
            throw new ValidationException("ogrn", "ogrn.sign", value,
                    "OGRN " + value + " must start with 1, 5 or 2 (a 3 starts an OGRNIP)");
        }
        if (control(value) != Digits.digit(value, 12)) {
            throw new ValidationException("ogrn", "ogrn.checksum", value,
                    "OGRN " + value + " has a wrong check digit");
        }
    }

    public static Ogrn of(String value) {
        return new Ogrn(value);
    }

    static int control(String v) {
        return (int) (Long.parseLong(v.substring(0, 12)) % 11 % 10);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The two-digit year of the registration. */
    public int registrationYear() {
        return Integer.parseInt(value.substring(1, 3));
    }
}
