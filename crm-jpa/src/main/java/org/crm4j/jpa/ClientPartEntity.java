package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One list-valued part of a card: a phone, an e-mail, an address, a bank account, a tag or a manager
 * assignment, told apart by {@link #kind}. Keeping them in one table loads a card of any size in three selects;
 * the columns a kind does not use stay {@code null}:
 *
 * <table>
 *   <caption>Columns by kind</caption>
 *   <tr><th>kind</th><th>columns</th></tr>
 *   <tr><td>PHONE</td><td>contact_id, purpose, phone (E.164, indexed), extension</td></tr>
 *   <tr><td>EMAIL</td><td>contact_id, purpose, email (lower case, indexed)</td></tr>
 *   <tr><td>ADDRESS</td><td>purpose, country, postal_code, region, city, line</td></tr>
 *   <tr><td>BANK_ACCOUNT</td><td>bank_code (BIK or BIC), account (20 digits or IBAN), correspondent_account,
 *       bank_name</td></tr>
 *   <tr><td>TAG</td><td>tag</td></tr>
 *   <tr><td>ASSIGNMENT</td><td>manager_id, assigned_at, assigned_by, reason</td></tr>
 * </table>
 */
@Entity(name = "CrmClientPart")
@Table(name = "crm_client_part")
@IdClass(ClientPartEntity.Key.class)
class ClientPartEntity {
    enum Kind { PHONE, EMAIL, ADDRESS, BANK_ACCOUNT, TAG, ASSIGNMENT }

    @Id
    @Column(name = "client_id")
    UUID clientId;
    @Id
    int ord;
    String kind;
    @Column(name = "contact_id")
    UUID contactId;
    String purpose;
    String phone;
    String extension;
    String email;
    String country;
    @Column(name = "postal_code")
    String postalCode;
    String region;
    String city;
    String line;
    @Column(name = "bank_code")
    String bankCode;
    String account;
    @Column(name = "correspondent_account")
    String correspondentAccount;
    @Column(name = "bank_name")
    String bankName;
    String tag;
    @Column(name = "manager_id")
    String managerId;
    @Column(name = "assigned_by")
    String assignedBy;
    @Column(name = "assigned_at")
    Instant assignedAt;
    String reason;

    protected ClientPartEntity() {
    }

    ClientPartEntity(UUID clientId, int ord, Kind kind) {
        this.clientId = clientId;
        this.ord = ord;
        this.kind = kind.name();
    }

    Kind kind() {
        return Kind.valueOf(kind);
    }

    /** The composite identity: the card and the part's position in it. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        UUID clientId;
        int ord;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ord == k.ord && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, ord);
        }
    }
}
