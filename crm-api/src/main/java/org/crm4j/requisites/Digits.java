package org.crm4j.requisites;

import java.util.Objects;
import org.crm4j.common.ValidationException;

/** Shared checks of digit strings; package-private. */
final class Digits {
    private Digits() {
    }

    /** Strips the value and requires exactly one of the given lengths of ASCII digits. */
    static String require(String value, String field, String code, int... lengths) {
        Objects.requireNonNull(value, field);
        String v = value.strip();
        boolean lengthOk = false;
        for (int length : lengths) {
            lengthOk |= v.length() == length;
        }
        if (!lengthOk || !allDigits(v)) {
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < lengths.length; i++) {
                expected.append(i == 0 ? "" : " or ").append(lengths[i]);
            }
            throw new ValidationException(field, code + ".format", value,
                    field + " must be " + expected + " digits, was '" + value + "'");
        }
        return v;
    }

    static boolean allDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int digit(String v, int i) {
        return v.charAt(i) - '0';
    }

    /** Sum of digit[i] * weights[i] for the first weights.length digits starting at offset. */
    static int weighted(String v, int offset, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(v, offset + i) * weights[i];
        }
        return sum;
    }
}
