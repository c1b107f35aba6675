package org.crm4j.core.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.CrmEventListener;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.NotFoundException;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violations;
import org.crm4j.core.common.Events;
import org.crm4j.core.common.Decision;
import org.crm4j.core.common.Ids;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierEvent;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierFactId;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierNotFoundException;
import org.crm4j.dossier.DossierStore;
import org.crm4j.dossier.DossierSubjects;
import org.crm4j.dossier.DossierTags;
import org.crm4j.dossier.FactCursor;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.jspecify.annotations.Nullable;

/**
 * The dossiers' use cases (M-2), returned by {@code crm.dossiers()}: open a dossier of a firm, a person or a
 * product; rename, describe and tag it; link it to other dossiers and attach it to client cards; record dated,
 * sourced facts in its timeline, straight from a recorded interaction too; find dossiers by the start of a word
 * of their subject, by tag, by client and by inbound link; read a timeline a page at a time.
 *
 * <p>Every command checks its whole input before it changes anything and runs its reads and its save in one
 * transaction: a refused command changes nothing. Edits of what a person saw (subject, summary, tags) take the
 * version they saw and throw {@link ConcurrentModificationException} if someone saved in between; links and
 * client attachments do not depend on what was seen, so a concurrent change is retried instead. Facts are only
 * added and never conflict with edits. Events go to the listener in the transaction of the save (crm4j's outbox); moments are kept to the
 * microsecond, as every store keeps them.
 *
 * <p>Thread-safe.
 */
public final class Dossiers {
    /** The most results a search or a page of a timeline gives. */
    public static final int MAX_LIMIT = 1000;

    private static final int RETRIES = 10;

    private final DossierStore store;
    private final ClientStore clients;
    private final InteractionStore interactions;
    private final Transactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Ids ids;
    private final CrmEventListener listener;

    /**
     * The use cases over the stores. Usually built by {@code Crm.builder()}; public so that they can be used
     * without the entry point.
     *
     * @param zone the tenant's zone, in which a fact told in an interaction is dated by default
     */
    public Dossiers(DossierStore store, ClientStore clients, InteractionStore interactions,
                    Transactions transactions, Clock clock, ZoneId zone, CrmEventListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ids = new Ids(clock);
    }

    /**
     * Opens a dossier.
     *
     * @throws ValidationException with every violation at once (subject, summary, tags)
     */
    public Dossier open(DossierKind kind, String subject, @Nullable String summary, Collection<String> tags) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tags, "tags");
        Decision<Dossier, DossierEvent> d = DossierRules.open(DossierId.of(ids.next()), kind, subject, summary, tags,
                now());
        return transactions.inTransaction(() -> publish(new Decision<>(store.save(d.state()), d.events())));
    }

    /** Gives the dossier the caller saw at {@code expectedVersion} another subject. */
    public Dossier rename(DossierId id, long expectedVersion, String subject) {
        return change(id, expectedVersion, dossier -> DossierRules.rename(dossier, subject, now()));
    }

    /** Gives the dossier the caller saw at {@code expectedVersion} another summary ({@code null}: none). */
    public Dossier describe(DossierId id, long expectedVersion, @Nullable String summary) {
        return change(id, expectedVersion, dossier -> DossierRules.describe(dossier, summary, now()));
    }

    /** Replaces the tags of the dossier the caller saw at {@code expectedVersion}. */
    public Dossier retag(DossierId id, long expectedVersion, Collection<String> tags) {
        Objects.requireNonNull(tags, "tags");
        return change(id, expectedVersion, dossier -> DossierRules.retag(dossier, tags, now()));
    }

    /**
     * Links dossier {@code id} to {@code target}: a person {@link DossierLinkType#WORKS_AT works at} a firm, a firm
     * is a {@link DossierLinkType#COMPETITOR_OF competitor of} or {@link DossierLinkType#SUPPLIER_OF supplier of}
     * a firm, a product an {@link DossierLinkType#ANALOGUE_OF analogue of} or a
     * {@link DossierLinkType#SUBSTITUTE_FOR substitute for} a product. Linking twice changes nothing.
     *
     * @throws DossierNotFoundException when either dossier is not stored
     * @throws ValidationException      when the type does not link the two kinds ({@code dossier.link-kind}), or
     *                                  the target is the dossier itself ({@code dossier.link-self})
     */
    public Dossier link(DossierId id, DossierLinkType type, DossierId target) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        return retried(id, dossier -> {
            Dossier other = dossier.id().equals(target) ? dossier
                    : store.findById(target).orElseThrow(() -> new DossierNotFoundException(target));
            return DossierRules.link(dossier, type, other, now());
        });
    }

    /** Removes a link of dossier {@code id}; removing one that is not there changes nothing. */
    public Dossier unlink(DossierId id, DossierLinkType type, DossierId target) {
        DossierLink link = DossierLink.of(type, target);
        return retried(id, dossier -> DossierRules.unlink(dossier, link, now()));
    }

    /**
     * Makes the dossier concern a client card: the firm dossier of a client, the dossier of its director.
     *
     * @throws ClientNotFoundException when the card is not stored
     */
    public Dossier attachClient(DossierId id, ClientId client) {
        Objects.requireNonNull(client, "client");
        return retried(id, dossier -> {
            if (!dossier.clients().contains(client) && !clients.exists(client)) {
                throw new ClientNotFoundException(client);
            }
            return DossierRules.attach(dossier, client, now());
        });
    }

    /** Makes the dossier no longer concern a client card. */
    public Dossier detachClient(DossierId id, ClientId client) {
        Objects.requireNonNull(client, "client");
        return retried(id, dossier -> DossierRules.detach(dossier, client, now()));
    }

    /**
     * Adds a fact to a dossier's timeline.
     *
     * @param date       when it happened
     * @param source     where it came from ("Kommersant 2026-03-01")
     * @param recordedBy who records it, or {@code null}
     * @throws ValidationException      with every violation at once (text, source, tags)
     * @throws DossierNotFoundException when the dossier is not stored
     */
    public DossierFact recordFact(DossierId id, LocalDate date, String text, String source, Collection<String> tags,
                                  @Nullable EmployeeId recordedBy) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tags, "tags");
        DossierFact fact = DossierFact.of(DossierFactId.of(ids.next()), id, date, text, source, null, tags, now(),
                recordedBy);
        return add(fact);
    }

    /**
     * Adds a fact told in a recorded interaction (M-2.3): a call that told of a competitor's price change. The
     * fact is dated by the day the interaction began in the CRM's zone, its source names the interaction's type
     * and subject, it keeps the interaction's id, and it is recorded by the interaction's manager.
     *
     * @throws NotFoundException        (aggregate {@code interaction}) when the interaction is not stored
     * @throws DossierNotFoundException when the dossier is not stored
     */
    public DossierFact recordFromInteraction(DossierId id, InteractionId interaction, String text,
                                             Collection<String> tags) {
        return recordFromInteraction(id, interaction, text, tags, zone, null);
    }

    /**
     * Like {@link #recordFromInteraction(DossierId, InteractionId, String, Collection)}, dated by the day the
     * interaction began in {@code zone} and recorded by {@code recordedBy} (the interaction's manager when
     * {@code null}).
     */
    public DossierFact recordFromInteraction(DossierId id, InteractionId interaction, String text,
                                             Collection<String> tags, ZoneId zone, @Nullable EmployeeId recordedBy) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(zone, "zone");
        Instant at = now();
        DossierFactId factId = DossierFactId.of(ids.next());
        DossierFact fact = transactions.inTransaction(() -> {
            Interaction told = interactions.findById(interaction)
                    .orElseThrow(() -> new NotFoundException("interaction", interaction));
            DossierFact f = DossierFact.of(factId, id, LocalDate.ofInstant(told.at(), zone), text, sourceOf(told),
                    told.id(), tags, at, recordedBy != null ? recordedBy : told.manager());
            return published(insert(f));
        });
        return fact;
    }

    /** The source of a fact told in an interaction: its type and subject, within 300 characters. */
    static String sourceOf(Interaction interaction) {
        String source = interaction.type() + ": " + interaction.subject();
        return source.length() <= 300 ? source : source.substring(0, 299) + "…";
    }

    private DossierFact add(DossierFact fact) {
        return transactions.inTransaction(() -> published(insert(fact)));
    }

    private DossierFact insert(DossierFact fact) {
        if (store.findById(fact.dossier()).isEmpty()) {
            throw new DossierNotFoundException(fact.dossier());
        }
        return store.addFact(fact);
    }

    private DossierFact published(DossierFact fact) {
        publish(Decision.of(fact, new DossierEvent.FactRecorded(fact.dossier(), fact.id(), fact.interaction(),
                fact.recordedAt())));
        return fact;
    }

    /** The dossier, if there is one with this id. */
    public Optional<Dossier> find(DossierId id) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> store.findById(id));
    }

    /** The dossier with this id. @throws DossierNotFoundException when there is none */
    public Dossier get(DossierId id) {
        return find(id).orElseThrow(() -> new DossierNotFoundException(id));
    }

    /**
     * Dossiers having a word of their subject start with the typed text, ignoring case, quotes and the difference
     * of ё and е ({@link DossierSubjects}), of {@code kind} only unless it is {@code null}, in subject order, at
     * most {@code limit} (1 to {@value #MAX_LIMIT}).
     */
    public List<Dossier> search(String text, @Nullable DossierKind kind, int limit) {
        Objects.requireNonNull(text, "text");
        Violations v = new Violations();
        String key = DossierSubjects.searchKey(text);
        if (key.isEmpty()) {
            v.add("text", "search.text-empty", text, "type at least one letter of the subject");
        }
        checkLimit(v, limit);
        v.throwIfAny();
        return transactions.inTransaction(() -> store.findBySubject(key, kind, limit));
    }

    /** Dossiers having the tag as typed (normalised, see {@link DossierTags}), in subject order. */
    public List<Dossier> withTag(String tag, int limit) {
        Objects.requireNonNull(tag, "tag");
        Violations v = new Violations();
        String normal = DossierTags.normalise(tag);
        if (!DossierTags.isTag(normal)) {
            v.add("tag", "tag.format", tag, "a tag is 1 to 64 lower-case letters, digits, '_', '.' or '-', "
                    + "starting with a letter or a digit; was '" + tag + "'");
        }
        checkLimit(v, limit);
        v.throwIfAny();
        return transactions.inTransaction(() -> store.findByTag(normal, limit));
    }

    /** The dossiers concerning a client card, in subject order. */
    public List<Dossier> ofClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return transactions.inTransaction(() -> store.findByClient(client));
    }

    /**
     * The dossiers linking to {@code target}, with links of {@code type} only unless it is {@code null}: who
     * works at a firm, who competes with it, in subject order, at most {@code limit}.
     */
    public List<Dossier> linkingTo(DossierId target, @Nullable DossierLinkType type, int limit) {
        Objects.requireNonNull(target, "target");
        Violations v = new Violations();
        checkLimit(v, limit);
        v.throwIfAny();
        return transactions.inTransaction(() -> store.findLinkingTo(target, type, limit));
    }

    /**
     * A page of a dossier's timeline, newest first: the {@code limit} facts (1 to {@value #MAX_LIMIT}) after
     * {@code before} (the cursor of the last fact of the previous page; {@code null} for the first page). Empty for
     * a dossier that has no facts or does not exist.
     */
    public List<DossierFact> timeline(DossierId id, @Nullable FactCursor before, int limit) {
        Objects.requireNonNull(id, "id");
        Violations v = new Violations();
        checkLimit(v, limit);
        v.throwIfAny();
        return transactions.inTransaction(() -> store.findFacts(id, before, limit));
    }

    /** The facts told in an interaction, in every dossier, newest first: what a recorded call taught. */
    public List<DossierFact> factsFrom(InteractionId interaction) {
        Objects.requireNonNull(interaction, "interaction");
        return transactions.inTransaction(() -> store.findFactsByInteraction(interaction));
    }

    private static void checkLimit(Violations v, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            v.add("limit", "search.limit", limit, "limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Dossier change(DossierId id, @Nullable Long expectedVersion,
                           Function<Dossier, Decision<Dossier, DossierEvent>> rule) {
        Objects.requireNonNull(id, "id");
        return transactions.inTransaction(() -> {
            Dossier dossier = store.findById(id).orElseThrow(() -> new DossierNotFoundException(id));
            if (expectedVersion != null && dossier.version() != expectedVersion) {
                throw new ConcurrentModificationException("dossier", id, expectedVersion, dossier.version());
            }
            Decision<Dossier, DossierEvent> d = rule.apply(dossier);
            if (d.events().isEmpty()) {
                return d.state();
            }
            return publish(new Decision<>(store.save(d.state()), d.events()));
        });
    }

    /** A change that does not depend on what its caller saw: a concurrent save is retried a few times. */
    private Dossier retried(DossierId id, Function<Dossier, Decision<Dossier, DossierEvent>> rule) {
        Objects.requireNonNull(id, "id");
        for (int attempt = 1; ; attempt++) {
            try {
                return change(id, null, rule);
            } catch (ConcurrentModificationException e) {
                if (attempt == RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** Hands the decision's events to the listener, in the transaction that saved its state. */
    private <S> S publish(Decision<S, DossierEvent> decision) {
        Events.publish(listener, decision.events());
        return decision.state();
    }
}
