package org.crm4j.core.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Objects;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.ValidationException;

/**
 * Reads phone numbers as people type them and as exchanges report them ({@code "8 (495) 123-45-67"},
 * {@code "+7 916 123 45 67"}, {@code "00 49 30 1234567"}) into crm4j's E.164 {@link PhoneNumber}, with a default
 * region for numbers written without a country code; and formats them back. Built on libphonenumber's metadata,
 * so national trunk prefixes (the Russian "8"), lengths and number ranges of every country are checked.
 * Immutable and thread-safe.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    private PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * Phone reading for a default region, an ISO 3166-1 alpha-2 code such as {@code "RU"}.
     *
     * @throws ValidationException when libphonenumber does not know the region
     */
    public static PhoneNumbers forRegion(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String region = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new ValidationException("defaultRegion", "phone.region", defaultRegion,
                    "'" + defaultRegion + "' is not a region with a telephone numbering plan");
        }
        return new PhoneNumbers(region);
    }

    /** The region numbers without a country code are read in. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Reads what a person typed into an E.164 number.
     *
     * @throws ValidationException {@code phone.unreadable} when the text is not a phone number at all,
     *                             {@code phone.invalid} when it is not a valid number of its country
     */
    public PhoneNumber parse(String typed) {
        Objects.requireNonNull(typed, "typed");
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(typed, defaultRegion);
        } catch (NumberParseException e) {
            throw new ValidationException("phone", "phone.unreadable", typed,
                    "'" + typed + "' is not a phone number (" + reason(e) + ")");
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new ValidationException("phone", "phone.invalid", typed,
                    "'" + typed + "' is not a valid phone number" + regionHint(parsed));
        }
        return PhoneNumber.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** {@code +7 495 123-45-67}. */
    public String formatInternational(PhoneNumber number) {
        return UTIL.format(toLib(number), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * The way a person in the default region dials it: {@code 8 (495) 123-45-67} in Russia for a Russian
     * number, the international form for a foreign one.
     */
    public String formatForDialling(PhoneNumber number) {
        Phonenumber.PhoneNumber lib = toLib(number);
        return defaultRegion.equals(UTIL.getRegionCodeForNumber(lib))
                ? UTIL.format(lib, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                : UTIL.format(lib, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    /** The ISO region the number belongs to, or {@code "ZZ"} when it belongs to none. */
    public String regionOf(PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(toLib(number));
        return region == null ? "ZZ" : region;
    }

    private static Phonenumber.PhoneNumber toLib(PhoneNumber number) {
        try {
            return UTIL.parse(number.e164(), "ZZ");
        } catch (NumberParseException e) {
            throw new ValidationException("phone", "phone.unreadable", number.e164(),
                    "'" + number.e164() + "' is not a phone number (" + reason(e) + ")");
        }
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "no valid country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    private static String regionHint(Phonenumber.PhoneNumber parsed) {
        String region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
        return "ZZ".equals(region) ? "" : " of " + region;
    }
}
