package org.crm4j.client;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The search key of a client's name, shared by every store so that all of them match alike: lower case,
 * {@code ё} folded to {@code е}, quotes («», "", '') dropped, runs of blanks collapsed to one space, the ends
 * trimmed. {@code «Ёлка-Палка»} and {@code ёлка-палка} have the same key, {@code елка-палка}; hyphens and other
 * punctuation are kept, and a legal form written before the name ({@code ООО}) is part of the key.
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
