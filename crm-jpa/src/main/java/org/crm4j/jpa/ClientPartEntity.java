package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One list-valued part of a card: a {@link PhonePart phone}, an {@link EmailPart e-mail}, an
 * {@link AddressPart address}, a {@link BankAccountPart bank account}, a {@link TagPart tag} or a
 * {@link AssignmentPart manager assignment}. All live in one table, told apart by its {@code kind} column
 * (single-table inheritance), so that a card of any size loads in three selects; each kind writes only its own
 * columns, so an import sends no more values than hand-written SQL would.
 */
@Entity(name = "CrmClientPart")
@Table(name = "crm_client_part")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.STRING, length = 16)
@IdClass(ClientPartEntity.Key.class)
abstract class ClientPartEntity {
    @Id
    @Column(name = "client_id")
    UUID clientId;
    @Id
    int ord;
    /** The version of the card this row was written with; see {@link JpaClientStore}. */
    @Column(name = "card_version")
    long cardVersion;

    protected ClientPartEntity() {
    }

    ClientPartEntity(UUID clientId, long cardVersion, int ord) {
        this.clientId = clientId;
        this.cardVersion = cardVersion;
        this.ord = ord;
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
