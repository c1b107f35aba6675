package org.crm4j.classifier;

import java.util.Locale;
import java.util.Objects;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a dictionary: a stable code and its names. A code never changes once used; an entry that is no
 * longer offered is deactivated, so that what was recorded with it still reads. Immutable and thread-safe.
 *
 * @param kind    the dictionary
 * @param code    1 to 64 lower-case letters, digits, {@code _}, {@code .} or {@code -}, starting with a letter
 *                or a digit; unique within the dictionary
 * @param nameRu  the Russian display name, 1 to 200 characters
 * @param nameEn  the English display name, 1 to 200 characters
 * @param active  whether it is offered for new records
 * @param version 0 for an entry not yet stored, then increased by each save
 */
public record ClassifierEntry(ClassifierKind kind, String code, String nameRu, String nameEn, boolean active,
                              long version) {
    /** The longest code, in code points. */
    private static final int MAX_CODE_LENGTH = 64;

    public ClassifierEntry {
        Objects.requireNonNull(kind, "kind");
        Violations v = new Violations();
        code = code == null ? null : code.strip();
        if (code == null || !isCode(code)) {
            v.add("code", "classifier.code", code, "a classifier code is 1 to 64 lower-case letters, digits, '_', "
                    + "'.' or '-', starting with a letter or a digit; was '" + code + "'");
        }
        nameRu = name(v, "nameRu", nameRu);
        nameEn = name(v, "nameEn", nameEn);
        if (version < 0) {
            v.add("version", "version.negative", version, "version must not be negative, was " + version);
        }
        v.throwIfAny();
    }

    /**
     * Whether {@code code} has the form of a classifier code, as records that refer to entries store it: 1 to 64
     * lower-case letters (of any script), ASCII digits, '_', '.' or '-', the first a letter or a digit. A loop
     * rather than a regular expression, as every record read from a store checks its codes again.
     */
    public static boolean isCode(String code) {
        int length = code.length();
        if (length == 0) {
            return false;
        }
        int points = 0;
        for (int i = 0; i < length; ) {
            int c = code.codePointAt(i);
            boolean letterOrDigit = Character.getType(c) == Character.LOWERCASE_LETTER || (c >= '0' && c <= '9');
            if (!(letterOrDigit || i > 0 && (c == '_' || c == '.' || c == '-')) || ++points > MAX_CODE_LENGTH) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A new, active entry. */
    public static ClassifierEntry of(ClassifierKind kind, String code, String nameRu, String nameEn) {
        return new ClassifierEntry(kind, code, nameRu, nameEn, true, 0);
    }

    private static String name(Violations v, String field, @Nullable String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            v.add(field, "classifier.name", name, field + " must have 1 to 200 characters");
        }
        return stripped;
    }

    /** The name in the language of {@code locale}: Russian for {@code ru}, English otherwise. */
    public String name(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? nameRu : nameEn;
    }

    /** The same entry with other names. */
    public ClassifierEntry renamed(String nameRu, String nameEn) {
        return new ClassifierEntry(kind, code, nameRu, nameEn, active, version);
    }

    /** The same entry, offered or not for new records. */
    public ClassifierEntry withActive(boolean active) {
        return new ClassifierEntry(kind, code, nameRu, nameEn, active, version);
    }

    /** The same entry at another version, as a store returns it. */
    public ClassifierEntry withVersion(long version) {
        return new ClassifierEntry(kind, code, nameRu, nameEn, active, version);
    }
}
