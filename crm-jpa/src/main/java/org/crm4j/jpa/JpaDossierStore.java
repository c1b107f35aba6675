package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.crm4j.client.ClientId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierFactId;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierNotFoundException;
import org.crm4j.dossier.DossierStore;
import org.crm4j.dossier.FactCursor;
import org.crm4j.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * {@link DossierStore} over JPA. Every operation costs a fixed number of statements whatever the size of the
 * dossier, of its timeline or of the tables:
 * <ul>
 *   <li>a dossier by id: one select of its row joined with its parts (tags, clients, links), a consistent read
 *       without a retry;</li>
 *   <li>a search (by subject, tag, client or inbound link): one select of the matching ids through an index, in
 *       order and limited, then one select of those dossiers joined with their parts; one select when nothing
 *       matches;</li>
 *   <li>a save: one select checking that its links' targets are stored (when it has links), the dossier's
 *       insert, or its guarded update ({@code where id = ? and version = ?}, the optimistic lock) and one delete
 *       each of its parts and its word starts; then one batch of parts and one of word starts;</li>
 *   <li>a fact: one insert and one batch of its tags; a page of a timeline: one select of the facts (a keyset
 *       page: the index on dossier, date, moment and id is read backwards from the cursor's date, the redundant
 *       {@code fact_date <= ?} bounding the range) and one of their tags; the facts of an interaction likewise,
 *       through the index on the interaction.</li>
 * </ul>
 * Rows it reads or writes leave the persistence context before it returns ({@link JpaSession#release}).
 */
final class JpaDossierStore implements DossierStore {
    /** Dossiers per {@code in (...)} list of a load. */
    static final int CHUNK = 500;

    private static final String UPDATE = "update CrmDossier d set d.version = :version, d.kind = :kind, "
            + "d.subject = :subject, d.subjectKey = :subjectKey, d.summary = :summary, d.createdAt = :createdAt, "
            + "d.updatedAt = :updatedAt where d.id = :id and d.version = :expected";
    private static final String LOAD = "select d, p from CrmDossier d left join CrmDossierPart p "
            + "on p.dossierId = d.id where d.id in :ids order by p.ord";
    private static final Comparator<Dossier> BY_SUBJECT = Comparator.comparing(Dossier::subjectKey)
            .thenComparing(d -> d.id().toString());

    private final JpaSession session;
    private final String prefix;

    JpaDossierStore(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix.toLowerCase(Locale.ROOT);
    }

    @Override
    public Dossier save(Dossier dossier) {
        Objects.requireNonNull(dossier, "dossier");
        Dossier stored = dossier.withVersion(dossier.version() + 1);
        DossierEntity row = toRow(stored);
        List<DossierPartEntity> parts = parts(stored);
        List<DossierWordEntity> words = words(stored);
        List<UUID> targets = stored.links().stream().map(l -> l.target().value()).distinct().toList();
        return session.inTransaction(em -> {
            requireTargets(em, targets);
            try {
                if (dossier.version() == 0) {
                    em.persist(row);
                    em.flush();
                } else {
                    guardedUpdate(em, row, dossier);
                    em.createQuery("delete from CrmDossierPart p where p.dossierId = :id")
                            .setParameter("id", row.id).executeUpdate();
                    em.createQuery("delete from CrmDossierWord w where w.dossierId = :id")
                            .setParameter("id", row.id).executeUpdate();
                }
                parts.forEach(em::persist);
                em.flush();
                words.forEach(em::persist);
                em.flush();
            } catch (PersistenceException e) {
                // The only unique key of a dossier's rows is its id: parts and word starts are numbered by the store.
                throw JpaExceptions.translate(e, violated -> new DuplicateException("dossier", "id", dossier.id()));
            }
            session.release(em, List.of(row));
            session.release(em, parts);
            session.release(em, words);
            return stored;
        });
    }

    private void guardedUpdate(EntityManager em, DossierEntity row, Dossier dossier) {
        int updated = em.createQuery(UPDATE)
                .setParameter("version", row.version).setParameter("kind", row.kind)
                .setParameter("subject", row.subject).setParameter("subjectKey", row.subjectKey)
                .setParameter("summary", row.summary).setParameter("createdAt", row.createdAt)
                .setParameter("updatedAt", row.updatedAt).setParameter("id", row.id)
                .setParameter("expected", dossier.version())
                .executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select d.version from CrmDossier d where d.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("dossier", "id", dossier.id(), dossier.version(),
                actual.isEmpty() ? null : actual.get(0), () -> new DossierNotFoundException(dossier.id()));
    }

    /**
     * Refuses links to dossiers that are not stored, with one select (a plain read, which takes no lock: dossiers
     * are never deleted, so a target found stays).
     */
    private void requireTargets(EntityManager em, List<UUID> targets) {
        for (int from = 0; from < targets.size(); from += CHUNK) {
            List<UUID> chunk = targets.subList(from, Math.min(targets.size(), from + CHUNK));
            Set<UUID> found = new HashSet<>(em.createQuery("select d.id from CrmDossier d where d.id in :ids",
                    UUID.class).setParameter("ids", chunk).getResultList());
            for (UUID target : chunk) {
                if (!found.contains(target)) {
                    throw new DossierNotFoundException(DossierId.of(target));
                }
            }
        }
    }

    @Override
    public Optional<Dossier> findById(DossierId id) {
        Objects.requireNonNull(id, "id");
        return session.read(em -> load(em, List.of(id.value()))).stream().findFirst();
    }

    @Override
    public List<Dossier> findBySubject(String searchKey, @Nullable DossierKind kind, int limit) {
        Objects.requireNonNull(searchKey, "searchKey");
        checkLimit(limit);
        if (limit == 0 || searchKey.isEmpty()) {
            return List.of();
        }
        String pattern = searchKey.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String jpql = "select d.id from CrmDossier d where d.id in (select w.dossierId from CrmDossierWord w "
                + "where w.wordStart like :pattern escape '!')" + (kind == null ? "" : " and d.kind = :kind")
                + " order by d.subjectKey, d.id";
        return search(jpql, limit, q -> {
            q.setParameter("pattern", pattern);
            if (kind != null) {
                q.setParameter("kind", kind.name());
            }
        });
    }

    @Override
    public List<Dossier> findByTag(String tag, int limit) {
        Objects.requireNonNull(tag, "tag");
        checkLimit(limit);
        return search("select d.id from CrmDossier d where d.id in (select p.dossierId from CrmDossierPart p "
                + "where p.tag = :tag) order by d.subjectKey, d.id", limit, q -> q.setParameter("tag", tag));
    }

    @Override
    public List<Dossier> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return search("select d.id from CrmDossier d where d.id in (select p.dossierId from CrmDossierPart p "
                        + "where p.clientId = :client) order by d.subjectKey, d.id", Integer.MAX_VALUE,
                q -> q.setParameter("client", client.value()));
    }

    @Override
    public List<Dossier> findLinkingTo(DossierId target, @Nullable DossierLinkType type, int limit) {
        Objects.requireNonNull(target, "target");
        checkLimit(limit);
        String jpql = "select d.id from CrmDossier d where d.id in (select p.dossierId from CrmDossierPart p "
                + "where p.targetId = :target" + (type == null ? "" : " and p.linkType = :type") + ")"
                + " order by d.subjectKey, d.id";
        return search(jpql, limit, q -> {
            q.setParameter("target", target.value());
            if (type != null) {
                q.setParameter("type", type.name());
            }
        });
    }

    /** The ids the query selects, in its order and limited, then those dossiers with their parts. */
    private List<Dossier> search(String idQuery, int limit, Consumer<TypedQuery<UUID>> parameters) {
        if (limit == 0) {
            return List.of();
        }
        return session.read(em -> {
            TypedQuery<UUID> query = em.createQuery(idQuery, UUID.class);
            parameters.accept(query);
            if (limit < Integer.MAX_VALUE) {
                query.setMaxResults(limit);
            }
            List<UUID> ids = query.getResultList();
            List<Dossier> found = new ArrayList<>(ids.size());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                found.addAll(load(em, ids.subList(from, Math.min(ids.size(), from + CHUNK))));
            }
            found.sort(BY_SUBJECT);
            return found;
        });
    }

    /** The dossiers of these ids with their parts, in one select. */
    private List<Dossier> load(EntityManager em, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createQuery(LOAD, Object[].class).setParameter("ids", ids).getResultList();
        Map<UUID, DossierEntity> dossiers = new LinkedHashMap<>();
        Map<UUID, List<DossierPartEntity>> parts = new HashMap<>();
        for (Object[] row : rows) {
            DossierEntity d = (DossierEntity) row[0];
            dossiers.putIfAbsent(d.id, d);
            if (row[1] != null) {
                parts.computeIfAbsent(d.id, k -> new ArrayList<>()).add((DossierPartEntity) row[1]);
            }
        }
        session.release(em, dossiers.values());
        session.release(em, parts.values().stream().flatMap(List::stream).toList());
        return dossiers.values().stream().map(d -> toDossier(d, parts.getOrDefault(d.id, List.of()))).toList();
    }

    @Override
    public DossierFact addFact(DossierFact fact) {
        Objects.requireNonNull(fact, "fact");
        DossierFactEntity row = toRow(fact);
        List<DossierFactTagEntity> tags = fact.tags().stream().map(t -> new DossierFactTagEntity(row.id, t)).toList();
        return session.inTransaction(em -> {
            try {
                em.persist(row);
                em.flush();
                tags.forEach(em::persist);
                em.flush();
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> violated.contains(prefix + "dossier_fact_dossier_fk")
                        ? new DossierNotFoundException(fact.dossier())
                        : new DuplicateException("dossier-fact", "id", fact.id()));
            }
            session.release(em, List.of(row));
            session.release(em, tags);
            return fact;
        });
    }

    @Override
    public Optional<DossierFact> findFact(DossierFactId id) {
        Objects.requireNonNull(id, "id");
        return session.read(em -> {
            List<Object[]> rows = em.createQuery("select f, t.tag from CrmDossierFact f left join CrmDossierFactTag t "
                    + "on t.factId = f.id where f.id = :id", Object[].class).setParameter("id", id.value())
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            DossierFactEntity fact = (DossierFactEntity) rows.get(0)[0];
            session.release(em, List.of(fact));
            Set<String> tags = new LinkedHashSet<>();
            rows.stream().map(r -> (String) r[1]).filter(Objects::nonNull).forEach(tags::add);
            return Optional.of(toFact(fact, tags));
        });
    }

    @Override
    public List<DossierFact> findFacts(DossierId dossier, @Nullable FactCursor before, int limit) {
        Objects.requireNonNull(dossier, "dossier");
        checkLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        String jpql = "select f from CrmDossierFact f where f.dossierId = :dossier"
                + (before == null ? "" : " and f.factDate <= :date and (f.factDate < :date or (f.factDate = :date "
                        + "and (f.recordedAt < :at or (f.recordedAt = :at and f.id < :id))))")
                + " order by f.factDate desc, f.recordedAt desc, f.id desc";
        return session.read(em -> {
            TypedQuery<DossierFactEntity> query = em.createQuery(jpql, DossierFactEntity.class)
                    .setParameter("dossier", dossier.value()).setMaxResults(limit);
            if (before != null) {
                query.setParameter("date", before.date()).setParameter("at", before.recordedAt())
                        .setParameter("id", before.id().value());
            }
            return withTags(em, query.getResultList());
        });
    }

    @Override
    public List<DossierFact> findFactsByInteraction(InteractionId interaction) {
        Objects.requireNonNull(interaction, "interaction");
        return session.read(em -> withTags(em, em.createQuery("select f from CrmDossierFact f "
                        + "where f.interactionId = :interaction "
                        + "order by f.factDate desc, f.recordedAt desc, f.id desc", DossierFactEntity.class)
                .setParameter("interaction", interaction.value()).getResultList()));
    }

    /** The facts of these rows with their tags, selected here in one statement (none when there are no rows). */
    private List<DossierFact> withTags(EntityManager em, List<DossierFactEntity> facts) {
        session.release(em, facts);
        if (facts.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<String>> tags = new HashMap<>();
        for (int from = 0; from < facts.size(); from += CHUNK) {
            List<UUID> ids = facts.subList(from, Math.min(facts.size(), from + CHUNK)).stream().map(f -> f.id)
                    .toList();
            List<Object[]> tagRows = em.createQuery("select t.factId, t.tag from CrmDossierFactTag t "
                    + "where t.factId in :ids", Object[].class).setParameter("ids", ids).getResultList();
            for (Object[] t : tagRows) {
                tags.computeIfAbsent((UUID) t[0], k -> new LinkedHashSet<>()).add((String) t[1]);
            }
        }
        return facts.stream().map(f -> toFact(f, tags.getOrDefault(f.id, Set.of()))).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private static DossierEntity toRow(Dossier d) {
        DossierEntity row = new DossierEntity(d.id().value());
        row.version = d.version();
        row.kind = d.kind().name();
        row.subject = d.subject();
        row.subjectKey = d.subjectKey();
        row.summary = d.summary();
        row.createdAt = d.createdAt();
        row.updatedAt = d.updatedAt();
        return row;
    }

    private static List<DossierPartEntity> parts(Dossier d) {
        List<DossierPartEntity> parts = new ArrayList<>();
        UUID id = d.id().value();
        for (String tag : d.tags()) {
            DossierPartEntity part = new DossierPartEntity(id, parts.size(), DossierPartEntity.TAG);
            part.tag = tag;
            parts.add(part);
        }
        for (ClientId client : d.clients()) {
            DossierPartEntity part = new DossierPartEntity(id, parts.size(), DossierPartEntity.CLIENT);
            part.clientId = client.value();
            parts.add(part);
        }
        for (DossierLink link : d.links()) {
            DossierPartEntity part = new DossierPartEntity(id, parts.size(), DossierPartEntity.LINK);
            part.linkType = link.type().name();
            part.targetId = link.target().value();
            parts.add(part);
        }
        return parts;
    }

    private static List<DossierWordEntity> words(Dossier d) {
        List<String> starts = d.subjectWordStarts();
        List<DossierWordEntity> words = new ArrayList<>(starts.size());
        for (String start : starts) {
            words.add(new DossierWordEntity(d.id().value(), words.size(), start));
        }
        return words;
    }

    private static Dossier toDossier(DossierEntity row, List<DossierPartEntity> parts) {
        Set<String> tags = new LinkedHashSet<>();
        Set<ClientId> clients = new LinkedHashSet<>();
        Set<DossierLink> links = new LinkedHashSet<>();
        for (DossierPartEntity part : parts) {
            switch (part.kind) {
                case DossierPartEntity.TAG -> tags.add(part.tag);
                case DossierPartEntity.CLIENT -> clients.add(ClientId.of(part.clientId));
                case DossierPartEntity.LINK -> links.add(DossierLink.of(DossierLinkType.valueOf(part.linkType),
                        DossierId.of(part.targetId)));
                default -> throw new IllegalStateException("unknown part kind " + part.kind + " of dossier " + row.id);
            }
        }
        return new Dossier(DossierId.of(row.id), DossierKind.valueOf(row.kind), row.subject, row.summary, tags,
                clients, links, row.createdAt, row.updatedAt, row.version);
    }

    private static DossierFactEntity toRow(DossierFact f) {
        DossierFactEntity row = new DossierFactEntity(f.id().value());
        row.dossierId = f.dossier().value();
        row.factDate = f.date();
        row.body = f.text();
        row.source = f.source();
        row.interactionId = f.interaction() == null ? null : f.interaction().value();
        row.recordedAt = f.recordedAt();
        row.recordedBy = f.recordedBy() == null ? null : f.recordedBy().value();
        return row;
    }

    private static DossierFact toFact(DossierFactEntity row, Set<String> tags) {
        return new DossierFact(DossierFactId.of(row.id), DossierId.of(row.dossierId), row.factDate, row.body,
                row.source, row.interactionId == null ? null : InteractionId.of(row.interactionId), tags,
                row.recordedAt, row.recordedBy == null ? null : EmployeeId.of(row.recordedBy));
    }
}
