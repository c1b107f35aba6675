package org.crm4j.tck;

import org.crm4j.requisites.Bik;

/**
 * Generates requisites that pass their check-digit algorithms, from a sequence number: as many distinct valid
 * INNs, OGRNs and accounts as a test or a benchmark needs. The algorithms are written out here independently
 * of the value types, so tests of the value types can use them as an oracle.
 */
public final class ValidNumbers {
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ACCOUNT = {7, 1, 3};

    private ValidNumbers() {
    }

    /** A 10-digit INN of an organisation: region 77, then {@code seq} in 7 digits (0 ≤ seq < 10^7). */
    public static String innOrganisation(long seq) {
        String body = "77" + pad(seq, 7);
        return body + weighted(body, INN10) % 11 % 10;
    }

    /** A 12-digit INN of a person: region 50, then {@code seq} in 8 digits (0 ≤ seq < 10^8). */
    public static String innIndividual(long seq) {
        String body = "50" + pad(seq, 8);
        String eleven = body + weighted(body, INN11) % 11 % 10;
        return eleven + weighted(eleven, INN12) % 11 % 10;
    }

    /** A 13-digit OGRN: 1, year 02, region 77, then {@code seq} in 7 digits. */
    public static String ogrn(long seq) {
        String body = "10277" + pad(seq, 7);
        return body + Long.parseLong(body) % 11 % 10;
    }

    /** A 15-digit OGRNIP: 3, year 04, region 50, then {@code seq} in 9 digits. */
    public static String ogrnip(long seq) {
        String body = "30450" + pad(seq, 9);
        return body + Long.parseLong(body) % 13 % 10;
    }

    /** A KPP of a Moscow organisation: tax office 7736, reason 01, sequence {@code seq % 1000}. */
    public static String kpp(long seq) {
        return "773601" + pad(seq % 1000, 3);
    }

    /**
     * A settlement account 40702 810 K 0000 + seq (7 digits) at the bank with this BIK, its control key K
     * computed with the BIK.
     */
    public static String settlementAccount(Bik bik, long seq) {
        String prefix = isDivision(bik) ? "0" + bik.value().substring(4, 6) : bik.value().substring(6, 9);
        return withKey(prefix, "40702810", "0000" + pad(seq, 7));
    }

    /** The correspondent account 30101 810 K 00000000 + the last three digits of the BIK. */
    public static String correspondentAccount(Bik bik) {
        return withKey("0" + bik.value().substring(4, 6), "30101810", "00000000" + bik.value().substring(6, 9));
    }

    private static boolean isDivision(Bik bik) {
        String tail = bik.value().substring(6);
        return tail.equals("000") || tail.equals("001") || tail.equals("002");
    }

    /** head (8 digits) + K + tail (11 digits), K chosen so that prefix+account weighted 7-1-3 is 0 mod 10. */
    private static String withKey(String prefix, String head, String tail) {
        String zeroKey = prefix + head + "0" + tail;
        int sum = 0;
        for (int i = 0; i < zeroKey.length(); i++) {
            sum += (zeroKey.charAt(i) - '0') * ACCOUNT[i % 3];
        }
        // the key sits at index 11 of the 23 digits, weight 3; 7 is the inverse of 3 modulo 10
        int key = (10 - sum % 10) % 10 * 7 % 10;
        return head + key + tail;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static String pad(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + value);
        }
        String s = Long.toString(value);
        if (s.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - s.length()) + s;
    }
}
