package org.crm4j.requisites;

import org.crm4j.common.ValidationException;

/**
 * ИНН, the Russian taxpayer number: 10 digits for an organisation, 12 for an individual or a sole proprietor.
 * The check digits follow the Federal Tax Service's algorithm: weighted sums modulo 11, then modulo 10.
 * As that reduction maps remainders 10 and 0 to the same digit, a small share of single-digit typos cannot be
 * detected by any INN check; crm4j accepts exactly what the algorithm accepts. Immutable and thread-safe.
 *
 * @param value the 10 or 12 digits
 */
public record Inn(String value) {
    private static final int[] W10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] W12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    public Inn {
        value = Digits.require(value, "inn", "inn", 10, 12);
        if (value.length() == 10 ? !check10(value) : !check12(value)) {
            throw new ValidationException("inn", "inn.checksum", value,
                    "INN " + value + " has a wrong check digit");
        }
    }

    public static Inn of(String value) {
        return new Inn(value);
    }

    /** The check digit an INN body gets: weighted sum modulo 11, then modulo 10. */
    static int control(String digits, int[] weights) {
        return Digits.weighted(digits, 0, weights) % 11 % 10;
    }

    private static boolean check10(String v) {
        return control(v, W10) == Digits.digit(v, 9);
    }

    private static boolean check12(String v) {
        return control(v, W11) == Digits.digit(v, 10) && control(v, W12) == Digits.digit(v, 11);
    }

    /** True for a 10-digit INN, which only organisations have. */
    public boolean isOrganisation() {
        return value.length() == 10;
    }

    /** True for a 12-digit INN of a person or a sole proprietor. */
    public boolean isIndividual() {
        return value.length() == 12;
    }

    /** The two-digit code of the tax region that issued it. */
    public String regionCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
