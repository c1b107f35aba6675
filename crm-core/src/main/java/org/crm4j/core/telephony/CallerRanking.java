package org.crm4j.core.telephony;

import java.util.Comparator;
import java.util.List;
import org.crm4j.client.ClientRelation;
import org.crm4j.client.PhoneMatch;

/**
 * How the candidates of a number shared by several cards are ranked, the most likely caller first, a pure
 * function: an external client before a department or an employee; a customer before a prospect, before any other
 * relation; a card with a responsible manager before one without; the card changed most recently first; then by
 * id, so that the order is the same every time.
 */
public final class CallerRanking {
    /** The order of the candidates. */
    public static final Comparator<PhoneMatch> ORDER = Comparator
            .comparing((PhoneMatch m) -> m.client().relation().isInternal())
            .thenComparingInt(m -> relationRank(m.client().relation()))
            .thenComparing(m -> m.client().responsibleManager().isEmpty())
            .thenComparing((PhoneMatch m) -> m.client().updatedAt(), Comparator.reverseOrder())
            .thenComparing(m -> m.client().id().value());

    private CallerRanking() {
    }

    /** The candidates ranked, the most likely first. */
    public static List<PhoneMatch> rank(List<PhoneMatch> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }

    private static int relationRank(ClientRelation relation) {
        return switch (relation) {
            case CUSTOMER -> 0;
            case PROSPECT -> 1;
            default -> 2;
        };
    }
}
