package org.crm4j.dossier;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The rule of the tags of dossiers and facts, shared by every store so that all of them match alike. A tag as
 * typed is normalised: blanks around it dropped, lower case, {@code ё} folded to {@code е}, each run of inner
 * blanks replaced by one {@code -}; so {@code " Снижение  цен "} becomes {@code снижение-цен}. The result must have
 * the form of a classifier code ({@link ClassifierEntry#isCode}): 1 to 64 lower-case letters (any alphabet with
 * case), digits, {@code _}, {@code .} or {@code -}, starting with a letter or a digit. Stateless.
 */
public final class DossierTags {
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private DossierTags() {
    }

    /** The normal form of a tag as typed; it may still break the rule (see {@link #isTag}). */
    public static String normalise(String typed) {
        Objects.requireNonNull(typed, "typed");
        String tag = typed.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return BLANKS.matcher(tag).replaceAll("-");
    }

    /** Whether {@code tag} is a tag in normal form. */
    public static boolean isTag(String tag) {
        return ClassifierEntry.isCode(tag) && tag.equals(normalise(tag));
    }

    /**
     * The normalised tags of a record, sorted; every tag that breaks the rule adds a violation of {@code field}
     * ({@code tag.format}), and more than {@code max} tags one more ({@code tag.count}).
     */
    static Set<String> check(Violations v, String field, @Nullable Collection<String> typed, int max) {
        Set<String> tags = new TreeSet<>();
        if (typed == null) {
            return Set.of();
        }
        for (String raw : typed) {
            String tag = raw == null ? "" : normalise(raw);
            if (!isTag(tag)) {
                v.add(field, "tag.format", raw, "a tag is 1 to 64 lower-case letters, digits, '_', '.' or '-', "
                        + "starting with a letter or a digit; was '" + raw + "'");
            } else {
                tags.add(tag);
            }
        }
        if (tags.size() > max) {
            v.add(field, "tag.count", tags.size(), "at most " + max + " tags, were " + tags.size());
        }
        return Collections.unmodifiableSet(tags);
    }
}
