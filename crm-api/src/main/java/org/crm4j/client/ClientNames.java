package org.crm4j.client;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The search key of a client's name, shared by every store so that all of them match alike: lower case,
 * {@code ё} folded to {@code е}, quotes («», "", '') dropped, runs of blanks and punctuation-only separators
 * collapsed to one space. {@code ООО «Ёлка-Палка»} and {@code ёлка-палка} have the same key prefix.
 */
public final class ClientNames {
    private static final Pattern QUOTES = Pattern.compile("[«»\"'„“”‘’`]");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private ClientNames() {
    }

    /** The search key of a name or of a typed prefix. */
    public static String searchKey(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
        key = QUOTES.matcher(key).replaceAll("");
        return BLANKS.matcher(key).replaceAll(" ").strip();
    }
}
