package org.crm4j.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jakarta.persistence.PersistenceException;
import org.crm4j.classifier.ClassifierEntry;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.classifier.ClassifierStore;

import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;
import org.crm4j.storage.OptimisticLock;

/** {@link ClassifierStore} over JPA: one row per entry; an update is one guarded statement. */
final class JpaClassifierStore implements ClassifierStore {
    private final JpaSession session;

    JpaClassifierStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public ClassifierEntry save(ClassifierEntry entry) {
        Objects.requireNonNull(entry, "entry");
        ClassifierEntry stored = entry.withVersion(entry.version() + 1);
        String id = entry.kind() + "/" + entry.code();
        return session.inTransaction(em -> {
            try {
                if (entry.version() == 0) {
                    ClassifierEntity row = new ClassifierEntity(entry.kind().name(), entry.code());
                    row.nameRu = stored.nameRu();
                    row.nameEn = stored.nameEn();
                    row.active = stored.active();
                    row.version = stored.version();
                    em.persist(row);
                    em.flush();
                    session.release(em, List.of(row));
                    return stored;
                }
                int updated = em.createQuery("update CrmClassifier c set c.nameRu = :ru, c.nameEn = :en, "
                                + "c.active = :active, c.version = :version "
                                + "where c.kind = :kind and c.code = :code and c.version = :expected")
                        .setParameter("ru", stored.nameRu()).setParameter("en", stored.nameEn())
                        .setParameter("active", stored.active()).setParameter("version", stored.version())
                        .setParameter("kind", entry.kind().name()).setParameter("code", entry.code())
                        .setParameter("expected", entry.version())
                        .executeUpdate();
                if (updated == 1) {
                    return stored;
                }
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("classifier", "code", id));
            }
            List<Long> actual = em.createQuery("select c.version from CrmClassifier c "
                            + "where c.kind = :kind and c.code = :code", Long.class)
                    .setParameter("kind", entry.kind().name()).setParameter("code", entry.code()).getResultList();
            OptimisticLock.check("classifier", "code", id, entry.version(), actual.isEmpty() ? null : actual.get(0),
                    () -> new NotFoundException("classifier", id));
            throw new IllegalStateException("the guarded update of classifier " + id + " matched no row, yet version "
                    + entry.version() + " is stored");
        });
    }

    @Override
    public Optional<ClassifierEntry> find(ClassifierKind kind, String code) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        return session.select(em -> em.createQuery("select c from CrmClassifier c "
                                + "where c.kind = :kind and c.code = :code", ClassifierEntity.class)
                        .setParameter("kind", kind.name()).setParameter("code", code), JpaClassifierStore::toEntry)
                .stream().findFirst();
    }

    @Override
    public List<ClassifierEntry> list(ClassifierKind kind) {
        Objects.requireNonNull(kind, "kind");
        return session.select(em -> em.createQuery("select c from CrmClassifier c where c.kind = :kind "
                        + "order by c.code", ClassifierEntity.class).setParameter("kind", kind.name()),
                JpaClassifierStore::toEntry);
    }

    private static ClassifierEntry toEntry(ClassifierEntity row) {
        return new ClassifierEntry(ClassifierKind.valueOf(row.kind), row.code, row.nameRu, row.nameEn, row.active,
                row.version);
    }
}
