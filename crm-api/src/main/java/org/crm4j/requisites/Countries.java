package org.crm4j.requisites;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Country codes banks use: ISO 3166-1 alpha-2, and Kosovo's XK, used by the IBAN registry and SWIFT. */
final class Countries {
    static final Set<String> WITH_KOSOVO;

    static {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        WITH_KOSOVO = Set.copyOf(codes);
    }

    private Countries() {
    }
}
