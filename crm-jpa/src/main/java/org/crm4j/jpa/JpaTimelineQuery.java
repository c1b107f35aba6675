package org.crm4j.jpa;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelineEntry;
import org.crm4j.timeline.TimelineKind;
import org.crm4j.timeline.TimelinePage;
import org.crm4j.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * {@link TimelineQuery} over crm4j's tables (interactions, notable events, work facts): one native statement per
 * page, whatever the length of the history.
 * The statement is a {@code union all} of one parenthesised select per source table, each reading the client's
 * rows after the cursor from its {@code (client_id, time)} index, newest first, and stopping after
 * {@code limit + 1} rows; the branches are merged in Java ({@link TimelinePage#of}). Standard SQL that H2,
 * PostgreSQL and MariaDB all run; values are read through the {@code CrmTimelineEntry} result mapping, so the
 * provider converts moments exactly as it does for the entities.
 *
 * <p>A notable event has a date, not a moment; it stands at the start of its date in the zone asked for. The
 * cursor's moment is turned into the equivalent bounds on dates in Java, so the date column's index serves.
 */
final class JpaTimelineQuery implements TimelineQuery {
    private static final String COLUMNS = " as entry_kind, %s as entry_id, %s as entry_at, %s as entry_day, "
            + "%s as entry_code, %s as entry_title, %s as entry_amount, %s as entry_currency, %s as entry_employee, "
            + "%s as entry_document from %s where client_id = ?%d";

    private static final String NULL_DATE = "cast(null as date)";

    private final JpaSession session;
    private final String prefix;

    JpaTimelineQuery(JpaSession session, String tablePrefix) {
        this.session = Objects.requireNonNull(session, "session");
        this.prefix = tablePrefix;
    }

    @Override
    public TimelinePage page(ClientId client, ZoneId zone, @Nullable TimelineCursor after, int limit) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(zone, "zone");
        TimelineQuery.checkLimit(limit);
        // PostgreSQL types a union's columns branch by branch, so the first branches type each column: the dates
        // of the last branch meet a typed null, not an untyped one it would read as text.
        Statement sql = new Statement();
        sql.branch("'INTERACTION'", "id", "started_at", NULL_DATE, "type", "subject", "null", "null", "manager_id",
                "document_ref", "interaction", client);
        sql.instantAfter(TimelineKind.INTERACTION, "started_at", after);
        sql.end("started_at desc, id desc", limit);
        sql.unionAll();
        sql.branch("kind", "id", "occurred_at", NULL_DATE, "coalesce(product_code, method)",
                "coalesce(product_name, subject, document_id)", "amount", "currency", "manager_id", "document_id",
                "work_fact", client);
        sql.kindsAfter("occurred_at", after);
        sql.end("occurred_at desc, kind desc, id desc", limit);
        sql.unionAll();
        sql.branch("'NOTABLE_EVENT'", "id", "null", "event_date", "kind", "title", "null", "null", "null", "null",
                "notable_event", client);
        sql.dateAfter(TimelineKind.NOTABLE_EVENT, "event_date", after, zone);
        sql.end("event_date desc, id desc", limit);

        List<TimelineRow> rows = session.read(em -> {
            Query query = em.createNativeQuery(sql.text.toString(), TimelineRow.MAPPING);
            for (int i = 0; i < sql.parameters.size(); i++) {
                query.setParameter(i + 1, sql.parameters.get(i));
            }
            @SuppressWarnings("unchecked")
            List<TimelineRow> result = query.getResultList();
            return result;
        });
        List<TimelineEntry> interactions = new ArrayList<>();
        List<TimelineEntry> events = new ArrayList<>();
        List<TimelineEntry> facts = new ArrayList<>();
        for (TimelineRow row : rows) {
            TimelineEntry entry = row.toEntry(client, zone);
            switch (entry.kind()) {
                case INTERACTION -> interactions.add(entry);
                case NOTABLE_EVENT -> events.add(entry);
                default -> facts.add(entry);
            }
        }
        return TimelinePage.of(List.of(interactions, events, facts), limit);
    }

    /** The text of the statement and its positional parameters, built branch by branch. */
    private final class Statement {
        final StringBuilder text = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        private int next(Object value) {
            parameters.add(value);
            return parameters.size();
        }

        void branch(String kind, String id, String at, String day, String code, String title, String amount,
                    String currency, String employee, String document, String table, ClientId client) {
            text.append("(select ").append(kind).append(String.format(COLUMNS, id, at, day, code, title, amount,
                    currency, employee, document, prefix + table, next(client.value())));
        }

        /**
         * The rows of a table of one kind whose moment comes after the cursor: an earlier moment, or the same
         * moment and a kind or an id further down the order.
         */
        void instantAfter(TimelineKind kind, String column, @Nullable TimelineCursor after) {
            if (after == null) {
                return;
            }
            int order = kind.name().compareTo(after.kind().name());
            if (order > 0) {            // this kind's rows of the cursor's moment came before the cursor
                text.append(" and ").append(column).append(" < ?").append(next(after.at()));
            } else if (order < 0) {     // ... came after it
                text.append(" and ").append(column).append(" <= ?").append(next(after.at()));
            } else {
                text.append(" and (").append(column).append(" < ?").append(next(after.at()))
                        .append(" or (").append(column).append(" = ?").append(next(after.at()))
                        .append(" and id < ?").append(next(after.source())).append("))");
            }
        }

        /**
         * The same for a table holding several kinds in a {@code kind} column, ordered by moment, kind and id;
         * kind names differ in their first letters, so every collation compares them alike.
         */
        void kindsAfter(String column, @Nullable TimelineCursor after) {
            if (after == null) {
                return;
            }
            text.append(" and (").append(column).append(" < ?").append(next(after.at()))
                    .append(" or (").append(column).append(" = ?").append(next(after.at()))
                    .append(" and (kind < ?").append(next(after.kind().name()))
                    .append(" or (kind = ?").append(next(after.kind().name()))
                    .append(" and id < ?").append(next(after.source())).append("))))");
        }

        /**
         * The same for a table of dates, a date standing at the start of its day in {@code zone}: the bounds on
         * moments become bounds on dates, as the start of a day grows with the day.
         */
        void dateAfter(TimelineKind kind, String column, @Nullable TimelineCursor after, ZoneId zone) {
            if (after == null) {
                return;
            }
            LocalDate day = LocalDate.ofInstant(after.at(), zone);
            boolean startsAtCursor = day.atStartOfDay(zone).toInstant().equals(after.at());
            LocalDate startsBefore = startsAtCursor ? day : day.plusDays(1);   // dates < this start before it
            int order = kind.name().compareTo(after.kind().name());
            if (order > 0) {
                text.append(" and ").append(column).append(" < ?").append(next(startsBefore));
            } else if (order < 0) {
                text.append(" and ").append(column).append(" < ?").append(next(day.plusDays(1)));
            } else {
                text.append(" and (").append(column).append(" < ?").append(next(startsBefore))
                        .append(" or (").append(column).append(" = ?").append(next(day))
                        .append(" and id < ?").append(next(after.source())).append("))");
            }
        }

        void end(String orderBy, int limit) {
            text.append(" order by ").append(orderBy).append(" limit ?").append(next(limit + 1)).append(')');
        }

        void unionAll() {
            text.append(" union all ");
        }
    }

    /** A row of the timeline statement, as the {@link #MAPPING} result mapping builds it. */
    static final class TimelineRow {
        static final String MAPPING = "CrmTimelineEntry";

        private final String kind;
        private final UUID id;
        private final @Nullable Instant at;
        private final @Nullable LocalDate day;
        private final @Nullable String code;
        private final String title;
        private final @Nullable BigDecimal amount;
        private final @Nullable String currency;
        private final @Nullable String employee;
        private final @Nullable String document;

        TimelineRow(String kind, UUID id, @Nullable Instant at, @Nullable LocalDate day, @Nullable String code,
                    String title, @Nullable BigDecimal amount, @Nullable String currency,
                    @Nullable String employee, @Nullable String document) {
            this.kind = kind;
            this.id = id;
            this.at = at;
            this.day = day;
            this.code = code;
            this.title = title;
            this.amount = amount;
            this.currency = currency;
            this.employee = employee;
            this.document = document;
        }

        TimelineEntry toEntry(ClientId client, ZoneId zone) {
            Instant moment = at != null ? at : Objects.requireNonNull(day, "day").atStartOfDay(zone).toInstant();
            Money money = amount == null || currency == null ? null
                    : Money.of(amount, Currency.getInstance(currency.strip()));
            return new TimelineEntry(TimelineKind.valueOf(kind.strip()), id, client, moment, day, code, title, money,
                    employee == null ? null : EmployeeId.of(employee), document);
        }
    }
}
