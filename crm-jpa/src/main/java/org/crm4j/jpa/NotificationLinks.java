package org.crm4j.jpa;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.common.StorageException;
import org.crm4j.notification.NotificationLink;
import org.jspecify.annotations.Nullable;

/**
 * A notification's links in one text column: one link per line, its relation, a space, and its reference with
 * {@code \} written {@code \\} and a line break written {@code \n}. A relation is a code, which holds neither a
 * space nor a line break, so the first space ends it. No links is {@code null}, not an empty text, so that every
 * database reads back what was written.
 */
final class NotificationLinks {
    private NotificationLinks() {
    }

    /** The column's text for {@code links}, {@code null} when there are none. */
    static @Nullable String write(List<NotificationLink> links) {
        if (links.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (NotificationLink link : links) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(link.rel()).append(' ');
            String ref = link.ref();
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    default -> text.append(c);
                }
            }
        }
        return text.toString();
    }

    /** The links {@link #write} wrote into {@code text}. */
    static List<NotificationLink> read(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<NotificationLink> links = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int space = line.indexOf(' ');
            if (space < 1) {
                throw corrupt(text);
            }
            StringBuilder ref = new StringBuilder(line.length() - space);
            for (int i = space + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c != '\\') {
                    ref.append(c);
                    continue;
                }
                if (++i == line.length()) {
                    throw corrupt(text);
                }
                switch (line.charAt(i)) {
                    case '\\' -> ref.append('\\');
                    case 'n' -> ref.append('\n');
                    default -> throw corrupt(text);
                }
            }
            links.add(new NotificationLink(line.substring(0, space), ref.toString()));
        }
        return List.copyOf(links);
    }

    private static StorageException corrupt(String text) {
        return new StorageException("a reminder's links column holds text crm4j did not write: '" + text + "'", null);
    }
}
