package org.crm4j.common;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person's name: surname, given name and, where the culture has one, patronymic (отчество). Each part is
 * stripped, 1 to 100 characters of letters, spaces, hyphens, apostrophes and dots. Immutable and thread-safe.
 *
 * @param surname    the family name, required
 * @param givenName  the given name, required
 * @param patronymic the patronymic, or {@code null}
 */
public record PersonName(String surname, String givenName, @Nullable String patronymic) {
    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]{0,99}");

    public PersonName {
        Violations v = new Violations();
        surname = part(v, "surname", surname, true);
        givenName = part(v, "givenName", givenName, true);
        patronymic = part(v, "patronymic", patronymic, false);
        v.throwIfAny();
    }

    public static PersonName of(String surname, String givenName, @Nullable String patronymic) {
        return new PersonName(surname, givenName, patronymic);
    }

    public static PersonName of(String surname, String givenName) {
        return new PersonName(surname, givenName, null);
    }

    private static @Nullable String part(Violations v, String field, @Nullable String value, boolean required) {
        String stripped = value == null ? null : value.strip().replaceAll("\\s+", " ");
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                v.add(field, "name.required", value, field + " is required");
                return "";
            }
            return null;
        }
        if (!PART.matcher(stripped).matches()) {
            v.add(field, "name.characters", value,
                    field + " must be 1 to 100 letters, spaces, hyphens, apostrophes or dots, was '" + value + "'");
        }
        return stripped;
    }

    /** "Иванов Иван Иванович". */
    public String fullName() {
        return patronymic == null ? surname + " " + givenName : surname + " " + givenName + " " + patronymic;
    }

    /** "Иванов И. И.". */
    public String shortName() {
        String initials = initial(givenName) + "." + (patronymic == null ? "" : " " + initial(patronymic) + ".");
        return surname + " " + initials;
    }

    /** The first letter, whole even when it lies outside the Basic Multilingual Plane (two UTF-16 units). */
    private static String initial(String name) {
        return Character.toString(name.codePointAt(0)).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
