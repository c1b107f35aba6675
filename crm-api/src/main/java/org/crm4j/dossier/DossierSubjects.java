package org.crm4j.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crm4j.client.ClientNames;

/**
 * How dossiers are found by their subject, the same in every store. A subject's search key is the one of
 * {@link ClientNames#searchKey}: lower case, {@code ё} folded to {@code е}, quotes dropped, blanks collapsed. A
 * search matches <em>the start of a word</em>: a dossier is found when its key has the key of the typed text at
 * the start of one of its words, a word beginning with a letter or a digit that follows anything else. So
 * {@code «Рога и Копыта»} is found by {@code рога}, {@code КОП} and {@code и коп}, not by {@code опыта}. Stores
 * keep the {@link #wordStarts word starts} of each subject in an index, so a search is an index range scan.
 * Stateless.
 */
public final class DossierSubjects {
    private DossierSubjects() {
    }

    /** The search key of a subject or of a typed search. */
    public static String searchKey(String text) {
        return ClientNames.searchKey(Objects.requireNonNull(text, "text"));
    }

    /**
     * The parts of {@code key} that begin at a word and run to its end, longest first: a typed search matches the
     * subject when one of them starts with the typed key. {@code "рога и копыта"} gives {@code "рога и копыта"},
     * {@code "и копыта"} and {@code "копыта"}.
     */
    public static List<String> wordStarts(String key) {
        Objects.requireNonNull(key, "key");
        List<String> starts = new ArrayList<>();
        int i = 0;
        while (i < key.length()) {
            int cp = key.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            boolean startsWord = wordChar && (i == 0 || !Character.isLetterOrDigit(key.codePointBefore(i)));
            if (startsWord) {
                starts.add(key.substring(i));
            }
            i += Character.charCount(cp);
        }
        return List.copyOf(starts);
    }

    /** Whether a subject key matches a typed search key (see the class comment). */
    public static boolean matches(String subjectKey, String searchKey) {
        if (searchKey.isEmpty()) {
            return false;
        }
        for (String start : wordStarts(subjectKey)) {
            if (start.startsWith(searchKey)) {
                return true;
            }
        }
        return false;
    }
}
