package org.crm4j.client;

import java.util.regex.Pattern;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The marketing segments of a client (M-4.4): codes of the region and industry classifiers. A code is 1 to 64
 * letters, digits, dots, underscores or hyphens. Immutable.
 *
 * @param region   region code, or {@code null}
 * @param industry industry code, or {@code null}
 */
public record Segments(@Nullable String region, @Nullable String industry) {
    static final Pattern CODE = Pattern.compile("[\\p{L}0-9_.-]{1,64}");

    /** No segment assigned. */
    public static final Segments NONE = new Segments(null, null);

    public Segments {
        Violations v = new Violations();
        region = code(v, "region", region);
        industry = code(v, "industry", industry);
        v.throwIfAny();
    }

    public static Segments of(@Nullable String region, @Nullable String industry) {
        return new Segments(region, industry);
    }

    static @Nullable String code(Violations v, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!CODE.matcher(code).matches()) {
            v.add(field, "code.format", value,
                    field + " must be a code of 1 to 64 letters, digits, '.', '_' or '-', was '" + value + "'");
        }
        return code;
    }
}
