package org.crm4j.requisites;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.crm4j.common.ValidationException;

/**
 * An International Bank Account Number (ISO 13616): a country code, two check digits and up to 30 letters and
 * digits, with the length the country has registered where crm4j knows it. The check digits must give 1 when
 * the rearranged number is taken modulo 97. Spaces as people print them are removed; letters upper-cased.
 * Immutable and thread-safe.
 *
 * @param value the electronic form, without spaces
 */
public record Iban(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    /** ISO 3166-1 countries and Kosovo (XK), which the IBAN registry lists though ISO has not assigned it. */
    private static final Set<String> COUNTRIES = Countries.WITH_KOSOVO;
    /** Registered lengths of the countries crm4j's users meet most. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BY", 28), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
            Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27),
            Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GR", 27), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IT", 27),
            Map.entry("KZ", 20), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MD", 24), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("XK", 20));
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public Iban {
        Objects.requireNonNull(value, "iban");
        String raw = value;
        value = value.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(value).matches()) {
            throw new ValidationException("iban", "iban.format", raw,
                    "IBAN must be a country code, 2 check digits and 11 to 30 letters or digits, was '" + raw + "'");
        }
        String country = value.substring(0, 2);
        Integer length = LENGTHS.get(country);
        if (!COUNTRIES.contains(country)) {
            throw new ValidationException("iban", "iban.country", raw, "'" + country + "' is not a country code");
        }
        if (length != null && value.length() != length) {
            throw new ValidationException("iban", "iban.length", raw,
                    "an IBAN of " + country + " has " + length + " characters, was " + value.length());
        }
        int checkDigits = Integer.parseInt(value.substring(2, 4));
        if (checkDigits < 2 || checkDigits > 98 || mod97(value) != 1) {
            throw new ValidationException("iban", "iban.checksum", raw, "IBAN " + raw + " has wrong check digits");
        }
    }

    public static Iban of(String value) {
        return new Iban(value);
    }

    /** The rearranged number (BBAN + country + check digits, letters as 10..35) modulo 97. */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The printed form, in groups of four. */
    public String formatted() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(value, i, Math.min(i + 4, value.length()));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
