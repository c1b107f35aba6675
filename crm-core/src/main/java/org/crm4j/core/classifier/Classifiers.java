package org.crm4j.core.classifier;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.classifier.ClassifierStore;
import org.crm4j.common.NotFoundException;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's dictionaries: define entries, rename and deactivate them, and check the codes other records
 * use. A code is checked with {@link #require}: an unknown or deactivated code is refused with a
 * {@link ValidationException} that names the field, the dictionary and the code.
 */
public final class Classifiers {
    private final ClassifierStore store;
    private final Transactions transactions;

    public Classifiers(ClassifierStore store, Transactions transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Adds an active entry; a taken code is a {@link org.crm4j.common.DuplicateException}. */
    public ClassifierEntry define(ClassifierKind kind, String code, String nameRu, String nameEn) {
        ClassifierEntry entry = ClassifierEntry.of(kind, code, nameRu, nameEn);
        return transactions.inTransaction(() -> store.save(entry));
    }

    /**
     * Adds the entries not yet defined, leaving the others as the tenant configured them; returns how many. It
     * reads each dictionary once (it runs at every start of a {@code Crm}), not each entry.
     */
    public int defineMissing(List<ClassifierEntry> defaults) {
        return transactions.inTransaction(() -> {
            Map<ClassifierKind, Set<String>> defined = new EnumMap<>(ClassifierKind.class);
            int added = 0;
            for (ClassifierEntry entry : defaults) {
                Set<String> codes = defined.computeIfAbsent(entry.kind(), kind -> store.list(kind).stream()
                        .map(ClassifierEntry::code).collect(Collectors.toCollection(HashSet::new)));
                if (codes.add(entry.code())) {
                    store.save(entry.withVersion(0));
                    added++;
                }
            }
            return added;
        });
    }

    /** Gives an entry other names; its code stays. */
    public ClassifierEntry rename(ClassifierKind kind, String code, String nameRu, String nameEn) {
        return transactions.inTransaction(() -> store.save(get(kind, code).renamed(nameRu, nameEn)));
    }

    /** Stops offering an entry for new records; what was recorded with it keeps its code and names. */
    public ClassifierEntry deactivate(ClassifierKind kind, String code) {
        return transactions.inTransaction(() -> store.save(get(kind, code).withActive(false)));
    }

    /** Offers a deactivated entry again. */
    public ClassifierEntry activate(ClassifierKind kind, String code) {
        return transactions.inTransaction(() -> store.save(get(kind, code).withActive(true)));
    }

    /** Every entry of a dictionary by code, deactivated ones included. */
    public List<ClassifierEntry> list(ClassifierKind kind) {
        return transactions.inTransaction(() -> store.list(kind));
    }

    /** The entry, or {@link NotFoundException}. */
    public ClassifierEntry get(ClassifierKind kind, String code) {
        return transactions.inTransaction(() -> store.find(kind, code))
                .orElseThrow(() -> new NotFoundException("classifier", kind + "/" + code));
    }

    /** The display name of a code in a language, or the code itself when the dictionary does not have it. */
    public String displayName(ClassifierKind kind, String code, Locale locale) {
        return transactions.inTransaction(() -> store.find(kind, code)).map(e -> e.name(locale)).orElse(code);
    }

    /**
     * Checks a code a new record uses: it must be an active entry of the dictionary. {@code null} passes (the
     * field is optional); anything else unknown or deactivated is refused.
     *
     * @param field the field of the record, as the refusal names it (e.g. {@code leadSource})
     * @return the entry, or {@code null} for a {@code null} code
     * @throws ValidationException {@code classifier.unknown} or {@code classifier.inactive}
     */
    public @Nullable ClassifierEntry require(String field, ClassifierKind kind, @Nullable String code) {
        if (code == null) {
            return null;
        }
        ClassifierEntry entry = transactions.inTransaction(() -> store.find(kind, code)).orElse(null);
        Violations v = new Violations();
        refuse(v, field, kind, code, entry);
        v.throwIfAny();
        return entry;
    }

    /**
     * The check {@link org.crm4j.core.client.Clients} applies to lead sources, regions and industries: an
     * unknown code adds {@code classifier.unknown}, a deactivated one {@code classifier.inactive}. It reads the
     * store in the caller's transaction.
     */
    public ClassifierCodes codes() {
        return (v, field, kind, code) -> refuse(v, field, kind, code, store.find(kind, code).orElse(null));
    }

    /** Adds the violation of a code whose entry is {@code entry}: none when it is an active one. */
    private static void refuse(Violations v, String field, ClassifierKind kind, String code,
                               @Nullable ClassifierEntry entry) {
        if (entry == null) {
            v.add(field, "classifier.unknown", code, "'" + code + "' is not a code of the " + label(kind)
                    + " dictionary");
        } else if (!entry.active()) {
            v.add(field, "classifier.inactive", code, "'" + code + "' (" + entry.nameEn()
                    + ") is no longer offered in the " + label(kind) + " dictionary");
        }
    }

    private static String label(ClassifierKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * The entries crm4j starts a tenant with: the interaction types and lead sources the mission names and
     * common refusal reasons. Regions, industries and marketing actions are the tenant's own.
     */
    public static List<ClassifierEntry> defaults() {
        return List.of(
                entry(ClassifierKind.INTERACTION_TYPE, "call-in", "Входящий звонок", "Inbound call"),
                entry(ClassifierKind.INTERACTION_TYPE, "call-out", "Исходящий звонок", "Outbound call"),
                entry(ClassifierKind.INTERACTION_TYPE, "email", "Письмо", "E-mail"),
                entry(ClassifierKind.INTERACTION_TYPE, "message", "Сообщение (SMS, мессенджер)",
                        "Message (SMS, messenger)"),
                entry(ClassifierKind.INTERACTION_TYPE, "meeting", "Встреча", "Meeting"),
                entry(ClassifierKind.INTERACTION_TYPE, "demonstration", "Демонстрация", "Demonstration"),
                entry(ClassifierKind.INTERACTION_TYPE, "materials", "Отправка материалов", "Materials sent"),
                entry(ClassifierKind.INTERACTION_TYPE, "proposal", "Коммерческое предложение", "Proposal"),
                entry(ClassifierKind.INTERACTION_TYPE, "invoice", "Счёт", "Invoice"),
                entry(ClassifierKind.INTERACTION_TYPE, "act", "Акт", "Act"),
                entry(ClassifierKind.INTERACTION_TYPE, "complaint", "Претензия", "Complaint"),
                entry(ClassifierKind.LEAD_SOURCE, "article", "Статья", "Article"),
                entry(ClassifierKind.LEAD_SOURCE, "exhibition", "Выставка", "Exhibition"),
                entry(ClassifierKind.LEAD_SOURCE, "referral", "Рекомендация", "Referral"),
                entry(ClassifierKind.LEAD_SOURCE, "advertising", "Реклама", "Advertising"),
                entry(ClassifierKind.LEAD_SOURCE, "catalogue", "Каталог", "Catalogue"),
                entry(ClassifierKind.LEAD_SOURCE, "website", "Сайт", "Website"),
                entry(ClassifierKind.REFUSAL_REASON, "price", "Цена", "Price"),
                entry(ClassifierKind.REFUSAL_REASON, "competitor", "Выбрал конкурента", "Chose a competitor"),
                entry(ClassifierKind.REFUSAL_REASON, "no-budget", "Нет бюджета", "No budget"),
                entry(ClassifierKind.REFUSAL_REASON, "no-need", "Нет потребности", "No need"));
    }

    private static ClassifierEntry entry(ClassifierKind kind, String code, String ru, String en) {
        return ClassifierEntry.of(kind, code, ru, en);
    }
}
