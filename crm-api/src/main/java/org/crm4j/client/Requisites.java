package org.crm4j.client;

import java.util.regex.Pattern;
import org.crm4j.common.ValidationException;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.Kpp;
import org.crm4j.requisites.Ogrn;
import org.crm4j.requisites.Ogrnip;
import org.jspecify.annotations.Nullable;

/**
 * Registration requisites of a client: the Russian INN, KPP, OGRN or OGRNIP, and for foreign clients a VAT or
 * registration number (2 to 20 letters and digits). Every part may be absent. Which parts a client may have
 * depends on its kind; {@link ClientCard} checks that. Immutable.
 *
 * @param inn                taxpayer number
 * @param kpp                reason-for-registration code (organisations only)
 * @param ogrn               state registration number (organisations only)
 * @param ogrnip             state registration number of a sole proprietor
 * @param foreignTaxId       a VAT or registration number of a foreign client, upper case without spaces
 */
public record Requisites(@Nullable Inn inn, @Nullable Kpp kpp, @Nullable Ogrn ogrn, @Nullable Ogrnip ogrnip,
                         @Nullable String foreignTaxId) {
    private static final Pattern FOREIGN = Pattern.compile("[A-Z0-9]{2,20}");

    /** No requisites at all. */
    public static final Requisites NONE = new Requisites(null, null, null, null, null);

    public Requisites {
        if (foreignTaxId != null) {
            String raw = foreignTaxId;
            foreignTaxId = foreignTaxId.replaceAll("[\\s.-]", "").toUpperCase(java.util.Locale.ROOT);
            if (foreignTaxId.isEmpty()) {
                foreignTaxId = null;
            } else if (!FOREIGN.matcher(foreignTaxId).matches()) {
                throw new ValidationException("foreignTaxId", "foreign-tax-id.format", raw,
                        "a foreign tax id must be 2 to 20 letters and digits, was '" + raw + "'");
            }
        }
    }

    /** Requisites of a Russian organisation. */
    public static Requisites organisation(Inn inn, @Nullable Kpp kpp, @Nullable Ogrn ogrn) {
        return new Requisites(inn, kpp, ogrn, null, null);
    }

    /** Requisites of a Russian sole proprietor. */
    public static Requisites soleProprietor(Inn inn, @Nullable Ogrnip ogrnip) {
        return new Requisites(inn, null, null, ogrnip, null);
    }

    /**
     * The key under which a client must be unique: INN and KPP ({@code 7707083893/773601001}), or the INN
     * alone ({@code 500100732259/}) where there is no KPP; {@code null} without an INN. Branches of one
     * organisation share the INN but differ in KPP.
     */
    public @Nullable String uniqueKey() {
        return inn == null ? null : inn.value() + "/" + (kpp == null ? "" : kpp.value());
    }
}
