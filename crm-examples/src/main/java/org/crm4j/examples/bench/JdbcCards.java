package org.crm4j.examples.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ContactPerson;
import org.crm4j.common.Address;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.PhoneNumber;

/**
 * The hand-written JDBC the JPA benchmarks compare crm-jpa with: the same rows in the same tables, written with
 * plain batched {@link PreparedStatement}s and read with plain selects, no mapping framework. It handles the
 * parts {@link BenchCards} uses (phones, e-mails, addresses, contact persons).
 */
final class JdbcCards {
    private final DataSource dataSource;
    private final String insertClient;
    private final String insertContact;
    private final String insertPart;
    private final String selectByPhone;
    private final String selectContacts;

    JdbcCards(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        insertClient = "insert into " + prefix + "client (id, version, kind, relation, name, name_key, inn, kpp, "
                + "unique_key, created_at, updated_at) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertContact = "insert into " + prefix + "client_contact (id, client_id, card_version, ord, surname, "
                + "given_name, patronymic, position) values (?, ?, 1, ?, ?, ?, ?, ?)";
        insertPart = "insert into " + prefix + "client_part (client_id, card_version, ord, kind, contact_id, purpose, "
                + "phone, email, country, postal_code, region, city, line) "
                + "values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        selectByPhone = "select c.id, c.version, c.kind, c.relation, c.name, c.inn, c.kpp, c.created_at, "
                + "p.client_id, p.card_version, p.ord, p.kind, p.contact_id, p.purpose, p.phone, p.email, p.country, "
                + "p.postal_code, p.region, p.city, p.line from " + prefix + "client c join " + prefix
                + "client_part p on p.client_id = c.id where c.id in (select client_id from " + prefix
                + "client_part where phone = ?) order by p.client_id, p.ord";
        selectContacts = "select id, client_id, card_version, ord, surname, given_name, patronymic, position from "
                + prefix
                + "client_contact where client_id = ? order by ord";
    }

    /** Inserts the cards in one transaction, in JDBC batches of {@code batch} rows per table. */
    void insertAll(List<ClientCard> cards, int batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement client = c.prepareStatement(insertClient);
                 PreparedStatement contact = c.prepareStatement(insertContact);
                 PreparedStatement part = c.prepareStatement(insertPart)) {
                for (int from = 0; from < cards.size(); from += batch) {
                    List<ClientCard> chunk = cards.subList(from, Math.min(cards.size(), from + batch));
                    for (ClientCard card : chunk) {
                        addClient(client, card);
                    }
                    client.executeBatch();
                    for (ClientCard card : chunk) {
                        int ord = 0;
                        for (ContactPerson p : card.contactPersons()) {
                            contact.setObject(1, p.id().value());
                            contact.setObject(2, card.id().value());
                            contact.setInt(3, ord++);
                            contact.setString(4, p.name().surname());
                            contact.setString(5, p.name().givenName());
                            contact.setString(6, p.name().patronymic());
                            contact.setString(7, p.position());
                            contact.addBatch();
                        }
                    }
                    contact.executeBatch();
                    for (ClientCard card : chunk) {
                        addParts(part, card);
                    }
                    part.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void addClient(PreparedStatement s, ClientCard card) throws SQLException {
        s.setObject(1, card.id().value());
        s.setString(2, card.kind().name());
        s.setString(3, card.relation().name());
        s.setString(4, card.name());
        s.setString(5, card.nameKey());
        s.setString(6, card.requisites().inn() == null ? null : card.requisites().inn().value());
        s.setString(7, card.requisites().kpp() == null ? null : card.requisites().kpp().value());
        s.setString(8, card.requisites().uniqueKey());
        s.setTimestamp(9, Timestamp.from(card.createdAt()));
        s.setTimestamp(10, Timestamp.from(card.updatedAt()));
        s.addBatch();
    }

    private static void addParts(PreparedStatement s, ClientCard card) throws SQLException {
        int ord = 0;
        UUID id = card.id().value();
        for (Address a : card.addresses()) {
            part(s, id, ord++, "ADDRESS", null, a.purpose().name(), null, null, a);
        }
        for (ContactPhone p : card.phones()) {
            part(s, id, ord++, "PHONE", null, p.purpose().name(), p.number().e164(), null, null);
        }
        for (ContactEmail e : card.emails()) {
            part(s, id, ord++, "EMAIL", null, e.purpose().name(), null, e.address().value(), null);
        }
        for (ContactPerson person : card.contactPersons()) {
            for (ContactPhone p : person.phones()) {
                part(s, id, ord++, "PHONE", person.id().value(), p.purpose().name(), p.number().e164(), null, null);
            }
        }
    }

    private static void part(PreparedStatement s, UUID clientId, int ord, String kind, UUID contactId,
                             String purpose, String phone, String email, Address a) throws SQLException {
        s.setObject(1, clientId);
        s.setInt(2, ord);
        s.setString(3, kind);
        s.setObject(4, contactId);
        s.setString(5, purpose);
        s.setString(6, phone);
        s.setString(7, email);
        s.setString(8, a == null ? null : a.country());
        s.setString(9, a == null ? null : a.postalCode());
        s.setString(10, a == null ? null : a.region());
        s.setString(11, a == null ? null : a.city());
        s.setString(12, a == null ? null : a.line());
        s.addBatch();
    }

    /**
     * The caller-ID lookup by hand, the same two statements crm-jpa sends: the cards having the phone joined
     * with their parts, then each card's contact persons; every column read, no object built. Returns how many
     * values were read.
     */
    int findByPhone(PhoneNumber phone) throws SQLException {
        int read = 0;
        try (Connection c = dataSource.getConnection()) {
            List<UUID> ids = new ArrayList<>(1);
            try (PreparedStatement s = c.prepareStatement(selectByPhone)) {
                s.setString(1, phone.e164());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                            ids.add(id);
                        }
                        read += readRow(rs, 21);
                    }
                }
            }
            for (UUID id : ids) {
                read += readAll(c, selectContacts, id, 8);
            }
        }
        return read;
    }

    private static int readAll(Connection c, String sql, UUID id, int columns) throws SQLException {
        int read = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    read += readRow(rs, columns);
                }
            }
        }
        return read;
    }

    private static int readRow(ResultSet rs, int columns) throws SQLException {
        int read = 0;
        for (int i = 1; i <= columns; i++) {
            if (rs.getObject(i) != null) {
                read++;
            }
        }
        return read;
    }
}
