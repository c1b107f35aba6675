package org.crm4j.core.schedule;

import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientKind;
import org.crm4j.client.ClientRelation;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.deal.Deal;
import org.crm4j.history.AbcClass;
import org.crm4j.history.AbcXyz;
import org.jspecify.annotations.Nullable;

/**
 * Which clients a {@link SchedulingRule} applies to: a test on the client's card (segment, tag, relation, kind),
 * on its standing from the work history (ABC class, sales), on the deal a deal trigger fired for (amount), or a
 * combination. Conditions are immutable values;
 * {@link #test} is a pure function of the card and the {@link ClientStanding} given.
 */
public sealed interface Condition {
    /**
     * Whether the client, and the deal the rule fired for if any, meet the condition.
     *
     * @param card     the client's card
     * @param deal     the deal a deal trigger fired for, or {@code null}; a condition on a deal does not hold
     *                 without one
     * @param standing the client's classes and sales over the classification window, asked lazily
     */
    boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing);

    /** The condition every client meets. */
    static Condition always() {
        return AllOf.EVERY;
    }

    /**
     * The client's ABC/XYZ standing, computed by the caller over a window of months in one currency: empty for a
     * client without sales there.
     */
    @FunctionalInterface
    interface ClientStanding {
        Optional<AbcXyz> of(ClientCard card, Currency currency);
    }

    /**
     * The client's region or industry is {@code code}.
     *
     * @param code a segment code
     */
    record InSegment(String code) implements Condition {
        public InSegment {
            code = code == null ? "" : code.strip();
            if (!ClassifierEntry.isCode(code)) {
                throw new ValidationException("segment", "classifier.code", code,
                        "a segment is a code, was '" + code + "'");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return code.equals(card.segments().region()) || code.equals(card.segments().industry());
        }
    }

    /**
     * The client's card carries {@code tag}.
     *
     * @param tag the tag
     */
    record HasTag(String tag) implements Condition {
        public HasTag {
            tag = tag == null ? "" : tag.strip();
            if (tag.isEmpty() || tag.length() > 64) {
                throw new ValidationException("tag", "rule.condition.tag", tag, "a tag has 1 to 64 characters");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return card.tags().contains(tag);
        }
    }

    /**
     * The client stands in one of {@code relations} to the company (customer, prospect, …).
     *
     * @param relations at least one relation
     */
    record OfRelation(Set<ClientRelation> relations) implements Condition {
        public OfRelation {
            relations = Set.copyOf(Objects.requireNonNull(relations, "relations"));
            if (relations.isEmpty()) {
                throw new ValidationException("relation", "rule.condition.relation", relations,
                        "a relation condition names at least one relation");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return relations.contains(card.relation());
        }
    }

    /**
     * The client is of one of {@code kinds} (organisation, sole proprietor, person).
     *
     * @param kinds at least one kind
     */
    record OfKind(Set<ClientKind> kinds) implements Condition {
        public OfKind {
            kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
            if (kinds.isEmpty()) {
                throw new ValidationException("kind", "rule.condition.kind", kinds,
                        "a kind condition names at least one kind");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return kinds.contains(card.kind());
        }
    }

    /**
     * The client's ABC class by its sales in {@code currency} is one of {@code classes}; a client without sales
     * has no class and does not meet it.
     *
     * @param classes  at least one class
     * @param currency the currency of the sales classified
     */
    record AbcClassIn(Set<AbcClass> classes, Currency currency) implements Condition {
        public AbcClassIn {
            classes = classes == null || classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
            Objects.requireNonNull(currency, "currency");
            if (classes.isEmpty()) {
                throw new ValidationException("abcClass", "rule.condition.abcClass", classes,
                        "a class condition names at least one class");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return standing.of(card, currency).map(s -> classes.contains(s.abc())).orElse(false);
        }
    }

    /**
     * The client's sales over the classification window are at least {@code amount}, in its currency.
     *
     * @param amount the least sales, not negative
     */
    record SalesAtLeast(Money amount) implements Condition {
        public SalesAtLeast {
            Objects.requireNonNull(amount, "amount");
            if (amount.amount().signum() < 0) {
                throw new ValidationException("salesAtLeast", "rule.condition.sales", amount,
                        "a sales threshold is not negative, was " + amount);
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return standing.of(card, amount.currency())
                    .map(s -> s.sales().amount().compareTo(amount.amount()) >= 0)
                    .orElse(amount.amount().signum() == 0);
        }
    }

    /**
     * The deal the rule fired for is worth at least {@code amount}, in the same currency; without a deal, or in
     * another currency, it does not hold.
     *
     * @param amount the least amount, not negative
     */
    record DealAmountAtLeast(Money amount) implements Condition {
        public DealAmountAtLeast {
            Objects.requireNonNull(amount, "amount");
            if (amount.amount().signum() < 0) {
                throw new ValidationException("dealAmountAtLeast", "rule.condition.dealAmount", amount,
                        "a deal amount threshold is not negative, was " + amount);
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return deal != null && deal.amount().currency().equals(amount.currency())
                    && deal.amount().amount().compareTo(amount.amount()) >= 0;
        }
    }

    /**
     * Every condition holds; with none, the condition every client meets.
     *
     * @param conditions the conditions
     */
    record AllOf(List<Condition> conditions) implements Condition {
        static final AllOf EVERY = new AllOf(List.of());

        public AllOf {
            conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            for (Condition c : conditions) {
                if (!c.test(card, deal, standing)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * At least one condition holds.
     *
     * @param conditions at least one condition
     */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
            if (conditions.isEmpty()) {
                throw new ValidationException("anyOf", "rule.condition.anyOf", conditions,
                        "'any of' needs at least one condition");
            }
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            for (Condition c : conditions) {
                if (c.test(card, deal, standing)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition negated
     */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public boolean test(ClientCard card, @Nullable Deal deal, ClientStanding standing) {
            return !condition.test(card, deal, standing);
        }
    }
}
