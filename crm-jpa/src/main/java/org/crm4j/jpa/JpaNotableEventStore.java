package org.crm4j.jpa;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;

import org.crm4j.common.DuplicateException;
import org.crm4j.common.NotFoundException;

import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.keydate.NotableEventStore;

/** {@link NotableEventStore} over JPA: one row per event; every lookup is one indexed select. */
final class JpaNotableEventStore implements NotableEventStore {
    private static final Comparator<NotableEvent> BY_DATE = Comparator.comparing(NotableEvent::date)
            .thenComparing(e -> e.id().toString());

    private final JpaSession session;

    JpaNotableEventStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public NotableEvent save(NotableEvent event) {
        Objects.requireNonNull(event, "event");
        NotableEvent stored = event.withVersion(event.version() + 1);
        return session.inTransaction(em -> {
            try {
                if (event.version() == 0) {
                    NotableEventEntity row = toRow(stored);
                    em.persist(row);
                    em.flush();
                    session.release(em, List.of(row));
                    return stored;
                }
                NotableEventEntity row = toRow(stored);
                int updated = em.createQuery("update CrmNotableEvent e set e.version = :version, "
                                + "e.clientId = :client, e.contactId = :contact, e.kind = :kind, e.title = :title, "
                                + "e.eventDate = :date, e.yearly = :yearly, e.monthDay = :monthDay, e.note = :note "
                                + "where e.id = :id and e.version = :expected")
                        .setParameter("version", row.version).setParameter("client", row.clientId)
                        .setParameter("contact", row.contactId).setParameter("kind", row.kind)
                        .setParameter("title", row.title).setParameter("date", row.eventDate)
                        .setParameter("yearly", row.yearly).setParameter("monthDay", row.monthDay)
                        .setParameter("note", row.note).setParameter("id", row.id)
                        .setParameter("expected", event.version())
                        .executeUpdate();
                if (updated == 1) {
                    return stored;
                }
            } catch (PersistenceException e) {
                throw JpaExceptions.translate(e, violated -> new DuplicateException("notable-event", "id",
                        event.id()));
            }
            List<Long> actual = em.createQuery("select e.version from CrmNotableEvent e where e.id = :id", Long.class)
                    .setParameter("id", event.id().value()).getResultList();
            throw MissedUpdate.refuse("notable-event", "id", event.id(), event.version(),
                    actual.isEmpty() ? null : actual.get(0), () -> new NotFoundException("notable-event", event.id()));
        });
    }

    @Override
    public Optional<NotableEvent> findById(NotableEventId id) {
        Objects.requireNonNull(id, "id");
        return select(em -> em.createQuery("select e from CrmNotableEvent e where e.id = :id",
                NotableEventEntity.class).setParameter("id", id.value())).stream().findFirst();
    }

    @Override
    public List<NotableEvent> findByClient(ClientId client) {
        Objects.requireNonNull(client, "client");
        return select(em -> em.createQuery("select e from CrmNotableEvent e where e.clientId = :client",
                NotableEventEntity.class).setParameter("client", client.value()));
    }

    @Override
    public List<NotableEvent> findOnceBetween(LocalDate from, LocalDate to) {
        return select(em -> em.createQuery("select e from CrmNotableEvent e where e.yearly = false "
                        + "and e.eventDate between :from and :to", NotableEventEntity.class)
                .setParameter("from", from).setParameter("to", to));
    }

    @Override
    public List<NotableEvent> findYearlyBetween(int fromMonthDay, int toMonthDay) {
        return select(em -> em.createQuery("select e from CrmNotableEvent e where e.yearly = true "
                        + "and e.monthDay between :from and :to", NotableEventEntity.class)
                .setParameter("from", fromMonthDay).setParameter("to", toMonthDay));
    }

    /** The events the query selects, ordered by date then id text (in Java: databases order UUIDs apart). */
    private List<NotableEvent> select(Function<EntityManager, TypedQuery<NotableEventEntity>> query) {
        return session.select(query, JpaNotableEventStore::toEvent).stream().sorted(BY_DATE).toList();
    }

    private static NotableEventEntity toRow(NotableEvent event) {
        NotableEventEntity row = new NotableEventEntity(event.id().value());
        row.version = event.version();
        row.clientId = event.client().value();
        row.contactId = event.contact() == null ? null : event.contact().value();
        row.kind = event.kind().name();
        row.title = event.title();
        row.eventDate = event.date();
        row.yearly = event.yearly();
        row.monthDay = event.date().getMonthValue() * 100 + event.date().getDayOfMonth();
        row.note = event.note();
        return row;
    }

    private static NotableEvent toEvent(NotableEventEntity row) {
        return new NotableEvent(NotableEventId.of(row.id), ClientId.of(row.clientId),
                row.contactId == null ? null : ContactPersonId.of(row.contactId), NotableEventKind.valueOf(row.kind),
                row.title, row.eventDate, row.yearly, row.note, row.version);
    }
}
