package org.crm4j.requisites;

import org.crm4j.common.ValidationException;

/**
 * ОГРНИП, the registration number of a sole proprietor: 15 digits starting with 3 (or 4 for a record of a
 * change); the last is the first fourteen taken as a number modulo 13, then modulo 10. Immutable and
 * thread-safe.
 *
 * @param value the 15 digits
 */
public record Ogrnip(String value) {
    public Ogrnip {
        value = Digits.require(value, "ogrnip", "ogrnip", 15);
        char sign = value.charAt(0);
        if (sign != '3' && sign != '4') {
            throw new ValidationException("ogrnip", "ogrnip.sign", value,
                    "OGRNIP " + value + " must start with 3 or 4");
        }
        if (control(value) != Digits.digit(value, 14)) {
            throw new ValidationException("ogrnip", "ogrnip.checksum", value,
                    "OGRNIP " + value + " has a wrong check digit");
        }
    }

    public static Ogrnip of(String value) {
        return new Ogrnip(value);
    }

    static int control(String v) {
        return (int) (Long.parseLong(v.substring(0, 14)) % 13 % 10);
    }

    @Override
    public String toString() {
        return value;
    }
}
