package org.crm4j.core.dossier;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierFactId;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierNotFoundException;
import org.crm4j.dossier.DossierStore;
import org.crm4j.dossier.DossierSubjects;
import org.crm4j.dossier.FactCursor;
import org.crm4j.interaction.InteractionId;
import org.crm4j.storage.OptimisticLock;
import org.jspecify.annotations.Nullable;

/**
 * Dossiers and their timelines in memory. Writes are serialised by one lock and are atomic; reads see the last
 * completed write. The timelines are kept sorted per dossier; the searches scan the dossiers (and the facts of an
 * interaction scan the facts), which in memory
 * (thousands, not millions) costs less than keeping an index of every word current. Thread-safe.
 */
public final class InMemoryDossierStore implements DossierStore {
    private static final Comparator<Dossier> BY_SUBJECT = Comparator.comparing(Dossier::subjectKey)
            .thenComparing(d -> d.id().toString());
    /** Timeline order: newest date first, then latest recorded, then id (by canonical text, descending). */
    private static final Comparator<FactCursor> TIMELINE = Comparator.comparing(FactCursor::date)
            .thenComparing(FactCursor::recordedAt).thenComparing(c -> c.id().toString()).reversed();

    private final Map<DossierId, Dossier> dossiers = new ConcurrentHashMap<>();
    private final Map<DossierFactId, DossierFact> facts = new ConcurrentHashMap<>();
    private final Map<DossierId, ConcurrentSkipListSet<DossierFact>> timelines = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    @Override
    public Dossier save(Dossier dossier) {
        Objects.requireNonNull(dossier, "dossier");
        Dossier stored = dossier.withVersion(dossier.version() + 1);
        synchronized (writeLock) {
            Dossier current = dossiers.get(dossier.id());
            OptimisticLock.check("dossier", "id", dossier.id(), dossier.version(),
                    current == null ? null : current.version(), () -> new DossierNotFoundException(dossier.id()));
            for (DossierLink link : dossier.links()) {
                if (!dossiers.containsKey(link.target())) {
                    throw new DossierNotFoundException(link.target());
                }
            }
            dossiers.put(stored.id(), stored);
        }
        return stored;
    }

    @Override
    public Optional<Dossier> findById(DossierId id) {
        return Optional.ofNullable(dossiers.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<Dossier> findBySubject(String searchKey, @Nullable DossierKind kind, int limit) {
        Objects.requireNonNull(searchKey, "searchKey");
        return select(d -> (kind == null || d.kind() == kind) && DossierSubjects.matches(d.subjectKey(), searchKey),
                limit);
    }

    @Override
    public List<Dossier> findByTag(String tag, int limit) {
        Objects.requireNonNull(tag, "tag");
        return select(d -> d.tags().contains(tag), limit);
    }

    @Override
    public List<Dossier> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return select(d -> d.clients().contains(client), Integer.MAX_VALUE);
    }

    @Override
    public List<Dossier> findLinkingTo(DossierId target, @Nullable DossierLinkType type, int limit) {
        Objects.requireNonNull(target, "target");
        return select(d -> d.links().stream()
                .anyMatch(l -> l.target().equals(target) && (type == null || l.type() == type)), limit);
    }

    private List<Dossier> select(Predicate<Dossier> wanted, int limit) {
        checkLimit(limit);
        return dossiers.values().stream().filter(wanted).sorted(BY_SUBJECT).limit(limit).toList();
    }

    @Override
    public DossierFact addFact(DossierFact fact) {
        Objects.requireNonNull(fact, "fact");
        synchronized (writeLock) {
            if (facts.containsKey(fact.id())) {
                throw new DuplicateException("dossier-fact", "id", fact.id());
            }
            if (!dossiers.containsKey(fact.dossier())) {
                throw new DossierNotFoundException(fact.dossier());
            }
            facts.put(fact.id(), fact);
            timelines.computeIfAbsent(fact.dossier(),
                    d -> new ConcurrentSkipListSet<>(Comparator.comparing(DossierFact::cursor, TIMELINE))).add(fact);
        }
        return fact;
    }

    @Override
    public Optional<DossierFact> findFact(DossierFactId id) {
        return Optional.ofNullable(facts.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public List<DossierFact> findFacts(DossierId dossier, @Nullable FactCursor before, int limit) {
        Objects.requireNonNull(dossier, "dossier");
        checkLimit(limit);
        ConcurrentSkipListSet<DossierFact> timeline = timelines.get(dossier);
        if (timeline == null) {
            return List.of();
        }
        Stream<DossierFact> after = timeline.stream();
        if (before != null) {
            after = after.filter(f -> TIMELINE.compare(f.cursor(), before) > 0);
        }
        return after.limit(limit).toList();
    }

    @Override
    public List<DossierFact> findFactsByInteraction(InteractionId interaction) {
        Objects.requireNonNull(interaction, "interaction");
        return facts.values().stream().filter(f -> interaction.equals(f.interaction()))
                .sorted(Comparator.comparing(DossierFact::cursor, TIMELINE)).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

}
