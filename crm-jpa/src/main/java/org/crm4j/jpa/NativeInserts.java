package org.crm4j.jpa;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes many rows with multi-row {@code insert ... values (...), (...)} statements through JPA's native queries,
 * for imports: an entity per row would cost the provider more than the database spends storing it. Values are
 * always bound as positional parameters ({@code ?1}, {@code ?2}, the form JPA makes portable for native
 * queries); a {@code null} is written as the literal {@code null}, so no untyped null is ever bound.
 */
final class NativeInserts {
    /** Rows per statement: well under every database's limit on parameters (PostgreSQL: 32,767). */
    static final int ROWS_PER_STATEMENT = 250;

    /** A column and how to read its value from a row. */
    record Column<R>(String name, Function<R, Object> value) {
    }

    static final List<Column<ClientEntity>> CLIENT = List.of(
            new Column<>("id", c -> c.id), new Column<>("version", c -> c.version),
            new Column<>("kind", c -> c.kind), new Column<>("relation", c -> c.relation),
            new Column<>("name", c -> c.name), new Column<>("name_key", c -> c.nameKey),
            new Column<>("full_name", c -> c.fullName), new Column<>("legal_form", c -> c.legalForm),
            new Column<>("surname", c -> c.surname), new Column<>("given_name", c -> c.givenName),
            new Column<>("patronymic", c -> c.patronymic), new Column<>("inn", c -> c.inn),
            new Column<>("kpp", c -> c.kpp), new Column<>("ogrn", c -> c.ogrn), new Column<>("ogrnip", c -> c.ogrnip),
            new Column<>("foreign_tax_id", c -> c.foreignTaxId), new Column<>("unique_key", c -> c.uniqueKey),
            new Column<>("region", c -> c.region), new Column<>("industry", c -> c.industry),
            new Column<>("lead_source", c -> c.leadSource), new Column<>("manager_id", c -> c.managerId),
            new Column<>("created_at", c -> c.createdAt), new Column<>("updated_at", c -> c.updatedAt));

    static final List<Column<ContactEntity>> CONTACT = List.of(
            new Column<>("id", c -> c.id), new Column<>("client_id", c -> c.clientId),
            new Column<>("card_version", c -> c.cardVersion), new Column<>("ord", c -> c.ord),
            new Column<>("surname", c -> c.surname), new Column<>("given_name", c -> c.givenName),
            new Column<>("patronymic", c -> c.patronymic), new Column<>("position", c -> c.position),
            new Column<>("birthday", c -> c.birthday), new Column<>("notes", c -> c.notes));

    static final List<Column<ClientPartEntity>> PART = List.of(
            new Column<>("client_id", p -> p.clientId), new Column<>("ord", p -> p.ord),
            new Column<>("card_version", p -> p.cardVersion),
            new Column<>("kind", p -> p.getClass().getAnnotation(DiscriminatorValue.class).value()),
            new Column<>("contact_id", p -> p instanceof PhonePart ph ? ph.contactId
                    : p instanceof EmailPart e ? e.contactId : null),
            new Column<>("purpose", p -> p instanceof PhonePart ph ? ph.purpose : p instanceof EmailPart e ? e.purpose
                    : p instanceof AddressPart a ? a.purpose : null),
            new Column<>("phone", p -> p instanceof PhonePart ph ? ph.phone : null),
            new Column<>("extension", p -> p instanceof PhonePart ph ? ph.extension : null),
            new Column<>("email", p -> p instanceof EmailPart e ? e.email : null),
            new Column<>("country", p -> p instanceof AddressPart a ? a.country : null),
            new Column<>("postal_code", p -> p instanceof AddressPart a ? a.postalCode : null),
            new Column<>("region", p -> p instanceof AddressPart a ? a.region : null),
            new Column<>("city", p -> p instanceof AddressPart a ? a.city : null),
            new Column<>("line", p -> p instanceof AddressPart a ? a.line : null),
            new Column<>("bank_code", p -> p instanceof BankAccountPart b ? b.bankCode : null),
            new Column<>("account", p -> p instanceof BankAccountPart b ? b.account : null),
            new Column<>("correspondent_account", p -> p instanceof BankAccountPart b ? b.correspondentAccount : null),
            new Column<>("bank_name", p -> p instanceof BankAccountPart b ? b.bankName : null),
            new Column<>("tag", p -> p instanceof TagPart t ? t.tag : null),
            new Column<>("manager_id", p -> p instanceof AssignmentPart a ? a.managerId : null),
            new Column<>("assigned_at", p -> p instanceof AssignmentPart a ? a.assignedAt : null),
            new Column<>("assigned_by", p -> p instanceof AssignmentPart a ? a.assignedBy : null),
            new Column<>("reason", p -> p instanceof AssignmentPart a ? a.reason : null));

    private NativeInserts() {
    }

    /** Inserts {@code rows} into {@code table}; returns the number of statements sent. */
    static <R> int insert(EntityManager em, String table, List<Column<R>> columns, List<? extends R> rows) {
        int statements = 0;
        StringBuilder head = new StringBuilder("insert into ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            head.append(i == 0 ? "" : ", ").append(columns.get(i).name());
        }
        head.append(") values ");
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<? extends R> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(head);
            List<Object> values = new ArrayList<>(chunk.size() * columns.size());
            for (int r = 0; r < chunk.size(); r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).value().apply(chunk.get(r));
                    if (c > 0) {
                        sql.append(", ");
                    }
                    if (value == null) {
                        sql.append("null");
                    } else {
                        values.add(value);
                        sql.append('?').append(values.size());
                    }
                }
                sql.append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                insert.setParameter(i + 1, values.get(i));
            }
            insert.executeUpdate();
            statements++;
        }
        return statements;
    }
}
