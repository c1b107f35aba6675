package org.crm4j.classifier;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
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
    private static final Pattern CODE = Pattern.compile("[\\p{Ll}0-9][\\p{Ll}0-9_.-]{0,63}");

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

    /** Whether {@code code} has the form of a classifier code, as records that refer to entries store it. */
    public static boolean isCode(String code) {
        return CODE.matcher(code).matches();
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
