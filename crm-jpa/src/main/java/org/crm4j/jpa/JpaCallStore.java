package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.client.ClientId;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.telephony.Call;
import org.crm4j.telephony.CallEventKind;
import org.crm4j.telephony.CallNotFoundException;
import org.crm4j.telephony.CallOutcome;
import org.crm4j.telephony.CallStore;
import org.crm4j.telephony.ServiceLevelCounts;

/**
 * {@link CallStore} over JPA: one row per call. A lookup is one select by primary key; a save is the insert, or the
 * guarded update ({@code where id = ? and version = ?}) and, only when that matches nothing, one select telling
 * why; the service level is one aggregate select over the index {@code (line_code, offered_at)}.
 */
final class JpaCallStore implements CallStore {
    private static final String UPDATE = "update CrmCall c set c.version = :version, c.line = :line, "
            + "c.rawNumber = :rawNumber, c.clientId = :client, c.contactId = :contact, c.agentId = :agent, "
            + "c.offeredAt = :offeredAt, c.answeredAt = :answeredAt, c.endedAt = :endedAt, c.outcome = :outcome, "
            + "c.seenKinds = :seen, c.waitMs = :waitMs where c.id = :id and c.version = :expected";
    private static final String ANSWERED = "c.answeredAt is not null";
    private static final String ABANDONED = "c.answeredAt is null and c.outcome = 'ABANDONED'";
    private static final String SERVICE_LEVEL = "select "
            + "sum(case when " + ANSWERED + " then 1 else 0 end), "
            + "sum(case when " + ANSWERED + " and c.waitMs <= :threshold then 1 else 0 end), "
            + "sum(case when " + ABANDONED + " then 1 else 0 end), "
            + "sum(case when " + ABANDONED + " and c.waitMs <= :threshold then 1 else 0 end), "
            + "sum(case when " + ABANDONED + " and c.waitMs <= :short then 1 else 0 end), "
            + "sum(case when " + ANSWERED + " then c.waitMs else 0 end), "
            + "sum(case when " + ABANDONED + " then c.waitMs else 0 end) "
            + "from CrmCall c where c.line = :line and c.offeredAt >= :from and c.offeredAt < :to "
            + "and c.waitMs is not null";

    private final JpaSession session;

    JpaCallStore(JpaSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public Call save(Call call) {
        Objects.requireNonNull(call, "call");
        Call stored = call.withVersion(call.version() + 1);
        CallEntity row = toRow(stored);
        return session.inTransaction(em -> {
            if (call.version() == 0) {
                try {
                    em.persist(row);
                    em.flush();
                } catch (PersistenceException e) {
                    throw JpaExceptions.translate(e, violated -> new DuplicateException("call", "id", call.id()));
                }
                session.release(em, List.of(row));
            } else {
                guardedUpdate(em, row, call);
            }
            return stored;
        });
    }

    private static void guardedUpdate(EntityManager em, CallEntity row, Call call) {
        int updated = em.createQuery(UPDATE)
                .setParameter("version", row.version).setParameter("line", row.line)
                .setParameter("rawNumber", row.rawNumber).setParameter("client", row.clientId)
                .setParameter("contact", row.contactId).setParameter("agent", row.agentId)
                .setParameter("offeredAt", row.offeredAt).setParameter("answeredAt", row.answeredAt)
                .setParameter("endedAt", row.endedAt).setParameter("outcome", row.outcome)
                .setParameter("seen", row.seenKinds).setParameter("waitMs", row.waitMs)
                .setParameter("id", row.id).setParameter("expected", call.version())
                .executeUpdate();
        if (updated == 1) {
            return;
        }
        List<Long> actual = em.createQuery("select c.version from CrmCall c where c.id = :id", Long.class)
                .setParameter("id", row.id).getResultList();
        throw MissedUpdate.refuse("call", "id", call.id(), call.version(),
                actual.isEmpty() ? null : actual.get(0), () -> new CallNotFoundException(call.id()));
    }

    @Override
    public Optional<Call> findById(String callId) {
        Objects.requireNonNull(callId, "callId");
        return session.select(em -> em.createQuery("select c from CrmCall c where c.id = :id", CallEntity.class)
                .setParameter("id", callId), JpaCallStore::toCall).stream().findFirst();
    }

    /** One select summing, per condition, the calls of the line offered in the period that have a waiting time. */
    @Override
    public ServiceLevelCounts countServiceLevel(String line, Instant from, Instant to, Duration threshold,
                                                Duration shortAbandon) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Object[] row = session.read(em -> em.createQuery(SERVICE_LEVEL, Object[].class)
                .setParameter("threshold", threshold.toMillis()).setParameter("short", shortAbandon.toMillis())
                .setParameter("line", line).setParameter("from", from).setParameter("to", to)
                .getSingleResult());
        return new ServiceLevelCounts(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                count(row[5]), count(row[6]));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private static CallEntity toRow(Call call) {
        CallEntity row = new CallEntity(call.id());
        row.version = call.version();
        row.line = call.line();
        row.rawNumber = call.number();
        row.clientId = call.client() == null ? null : call.client().value();
        row.contactId = call.contact() == null ? null : call.contact().value();
        row.agentId = call.agent() == null ? null : call.agent().value();
        row.offeredAt = call.offeredAt();
        row.answeredAt = call.answeredAt();
        row.endedAt = call.endedAt();
        row.outcome = call.outcome().name();
        row.seenKinds = EnumSet.copyOf(call.seen().isEmpty() ? EnumSet.noneOf(CallEventKind.class) : call.seen())
                .stream().map(Enum::name).collect(Collectors.joining(","));
        row.waitMs = call.waiting().map(Duration::toMillis).orElse(null);
        return row;
    }

    private static Call toCall(CallEntity row) {
        Set<CallEventKind> seen = EnumSet.noneOf(CallEventKind.class);
        if (row.seenKinds != null && !row.seenKinds.isEmpty()) {
            for (String kind : row.seenKinds.split(",")) {
                seen.add(CallEventKind.valueOf(kind));
            }
        }
        return new Call(row.id, row.version, row.line, row.rawNumber,
                row.clientId == null ? null : ClientId.of(row.clientId),
                row.contactId == null ? null : ContactPersonId.of(row.contactId), row.offeredAt, row.answeredAt,
                row.endedAt, row.agentId == null ? null : EmployeeId.of(row.agentId), CallOutcome.valueOf(row.outcome),
                seen);
    }
}
