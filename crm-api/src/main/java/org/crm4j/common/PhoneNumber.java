package org.crm4j.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +74951234567}): a plus, a country code and at most 15 digits in all.
 * This is the normalised form crm4j stores and matches callers by. To read what a person types
 * ({@code "8 (495) 123-45-67"}) with a default region, use crm-core's {@code PhoneNumbers.parse}.
 * Immutable and thread-safe.
 *
 * @param e164 the number in E.164 form
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new ValidationException("phone", "phone.e164", e164,
                    "phone must be in E.164 form (+ then 7 to 15 digits, no leading zero), was '" + e164 + "'");
        }
    }

    /** Accepts E.164 only: {@code +74951234567}. */
    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164);
    }

    @Override
    public String toString() {
        return e164;
    }
}
