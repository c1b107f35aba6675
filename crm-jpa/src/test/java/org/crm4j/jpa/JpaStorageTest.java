package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientStore;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.StorageException;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.tck.ClientFixture;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What crm-jpa promises beyond the store contract: transactions, errors, time zones and configuration. */
class JpaStorageTest {

    @Nested
    class OnH2 extends OnDatabase {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends OnDatabase {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OnMariaDb extends OnDatabase {
        OnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnDatabase {
        private static final String PREFIX = "tx_";
        private final TestDatabase database;
        private DataSource dataSource;
        private JpaStorage storage;

        OnDatabase(TestDatabase database) {
            this.database = database;
        }

        @BeforeAll
        void open() {
            DatabaseAssumptions.assumeAvailable(database);
            dataSource = database.cleanSchema(PREFIX);
            storage = database.storage(dataSource, PREFIX);
        }

        @AfterAll
        void close() {
            if (storage != null) {
                storage.close();
            }
        }

        @Test
        @DisplayName("instants are stored in UTC whatever the zone of the JVM (the tests run in Asia/Vladivostok)")
        void instantsAreStoredInUtc() throws SQLException {
            database.cleanSchema(PREFIX);
            ClientCard card = storage.clients().save(ClientFixture.minimal(1, "Время"));

            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select created_at from " + PREFIX + "client")) {
                assertThat(rs.next()).isTrue();
                LocalDateTime stored = database == TestDatabase.MARIADB
                        ? rs.getObject(1, LocalDateTime.class)
                        : rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDateTime();
                assertThat(stored).isEqualTo(LocalDateTime.ofInstant(card.createdAt(), ZoneOffset.UTC));
            }
            assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Vladivostok");
        }

        @Test
        @DisplayName("an import colliding with a stored card is refused whole, naming the taken INN or id")
        void importCollisionNamesTheValue() {
            database.cleanSchema(PREFIX);
            ClientStore store = storage.clients();
            ClientCard existing = store.save(ClientFixture.organisation(1));
            ClientCard twin = ClientFixture.minimal(2, "Двойник").toBuilder().requisites(existing.requisites()).build();
            ClientCard sameId = ClientFixture.minimal(3, "Тот же").toBuilder().id(existing.id()).build();

            assertThatThrownBy(() -> store.insertAll(List.of(ClientFixture.minimal(4, "Новый"), twin)))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.key()).isEqualTo("inn");
                        assertThat(e.value()).isEqualTo(existing.requisites().uniqueKey());
                    });
            assertThatThrownBy(() -> store.insertAll(List.of(sameId)))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.key()).isEqualTo("id");
                        assertThat(e.value()).isEqualTo(existing.id().toString());
                    });
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        @DisplayName("a refusal inside a transaction rolls back what the transaction had already written")
        void refusalRollsBackTheWholeTransaction() {
            database.cleanSchema(PREFIX);
            ClientStore store = storage.clients();
            ClientCard existing = store.save(ClientFixture.organisation(1));
            ClientCard first = ClientFixture.minimal(2, "Первый");
            ClientCard twin = ClientFixture.minimal(3, "Двойник").toBuilder().requisites(existing.requisites()).build();

            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                store.save(first);
                return store.save(twin);
            })).isInstanceOf(DuplicateException.class);

            assertThat(store.findById(first.id())).isEmpty();
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        @DisplayName("a transaction whose work caught a refusal and went on is refused at its end, not half committed")
        void caughtRefusalStillRollsBack() {
            database.cleanSchema(PREFIX);
            ClientStore store = storage.clients();
            ClientCard existing = store.save(ClientFixture.organisation(1));
            ClientCard first = ClientFixture.minimal(2, "Первый");
            ClientCard twin = ClientFixture.minimal(3, "Двойник").toBuilder().requisites(existing.requisites()).build();
            List<String> afterCommit = new java.util.ArrayList<>();

            assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                storage.transactions().afterCommit(() -> afterCommit.add("ran"));
                store.save(first);
                try {
                    store.save(twin);
                } catch (DuplicateException expected) {
                    // the caller carries on; the provider has marked the transaction for rollback
                }
                return null;
            })).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.getMessage()).contains("rolled back"));

            assertThat(store.findById(first.id())).isEmpty();
            assertThat(store.count()).isEqualTo(1);
            assertThat(afterCommit).as("nothing runs after a commit that did not happen").isEmpty();
        }
    }

    @Test
    @DisplayName("a failing database comes out as a StorageException, never as a provider's exception")
    void noProviderExceptionLeaks() throws SQLException {
        DataSource ds = TestDatabase.H2.cleanSchema("broken_");
        try (JpaStorage broken = TestDatabase.H2.storage(ds, "broken_")) {
            ClientCard stored = broken.clients().save(ClientFixture.organisation(1));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("alter table broken_client_part rename to broken_client_part_gone");
            }
            try {
                assertThatThrownBy(() -> broken.clients().findById(stored.id()))
                        .isInstanceOf(StorageException.class)
                        .isNotInstanceOf(PersistenceException.class)
                        .hasMessageContaining("storage failed");
                assertThatThrownBy(() -> broken.clients().save(ClientFixture.organisation(2)))
                        .isInstanceOf(StorageException.class);
            } finally {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("alter table broken_client_part_gone rename to broken_client_part");
                }
            }
            assertThat(broken.clients().count()).as("the failed save left nothing behind").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a card whose parts were written with another version than its own is never returned half-changed")
    void mixedReadIsRecognised() throws SQLException {
        DataSource ds = TestDatabase.H2.cleanSchema("mixed_");
        try (JpaStorage storage = TestDatabase.H2.storage(ds, "mixed_")) {
            ClientCard card = storage.clients().save(ClientFixture.organisation(1));
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // What a reader sees when an update commits between its select of the card and of the parts.
                s.executeUpdate("update mixed_client_part set card_version = card_version + 1");
            }

            assertThatThrownBy(() -> storage.clients().findById(card.id()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("changed during each of " + JpaClientStore.READ_ATTEMPTS + " attempts");
            assertThatThrownBy(() -> storage.clients().findByPhone(card.phones().get(0).number()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("changed during each of");
        }
    }

    @Test
    @DisplayName("a table prefix that is not a plain lower-case identifier is refused, naming the field")
    void badPrefixRefused() {
        assertThatThrownBy(() -> JpaStorage.builder().tablePrefix("crm; drop table x"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.field()).isEqualTo("tablePrefix");
                    assertThat(v.violationCode()).isEqualTo("jpa.table-prefix");
                });
        assertThat(JpaStorage.mappingFile("erp_")).contains("<table name=\"erp_client\"/>");
    }

    @Test
    @DisplayName("the builder wants exactly one of a data source, a factory or a transaction manager")
    void builderWantsOneSource() {
        assertThatThrownBy(() -> JpaStorage.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> JpaStorage.builder().dataSource(TestDatabase.H2.dataSource())
                .managedBy(Transactions.none(), () -> null).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("under the ERP's transaction manager, a CRM change and the ERP's own change roll back together")
    void joinsTheErpTransaction() throws SQLException {
        DataSource ds = TestDatabase.H2.cleanSchema("crm_");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("create table if not exists erp_order (id int primary key)");
            s.executeUpdate("delete from erp_order");
        }
        // The ERP's own persistence unit, listing crm4j's entities next to its own.
        EntityManagerFactory factory = new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new CrmPersistenceUnit("erp", ds, "crm_", new Properties()), Map.of());
        try (factory; JpaStorage own = TestDatabase.H2.storage(ds, "crm_")) {
            ErpTransactions erp = new ErpTransactions(factory);
            JpaStorage managed = JpaStorage.builder().managedBy(erp, erp::current).build();
            ClientCard card = ClientFixture.organisation(1);

            assertThatThrownBy(() -> erp.inTransaction(() -> {
                erp.current().createNativeQuery("insert into erp_order (id) values (1)").executeUpdate();
                managed.clients().save(card);
                throw new IllegalStateException("the ERP changes its mind");
            })).hasMessage("the ERP changes its mind");
            assertThat(own.clients().findById(card.id())).isEmpty();
            assertThat(orders(ds)).isZero();

            erp.inTransaction(() -> {
                erp.current().createNativeQuery("insert into erp_order (id) values (2)").executeUpdate();
                return managed.clients().save(card);
            });
            assertThat(own.clients().findById(card.id())).isPresent();
            assertThat(orders(ds)).isEqualTo(1);
        }
    }

    private static int orders(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from erp_order")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A stand-in for an ERP's transaction manager: one entity manager per transaction, bound to the thread. */
    private static final class ErpTransactions implements Transactions {
        private final EntityManagerFactory factory;
        private final ThreadLocal<EntityManager> bound = new ThreadLocal<>();

        ErpTransactions(EntityManagerFactory factory) {
            this.factory = factory;
        }

        EntityManager current() {
            EntityManager em = bound.get();
            if (em == null) {
                throw new IllegalStateException("no ERP transaction");
            }
            return em;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (bound.get() != null) {
                return work.get();
            }
            EntityManager em = factory.createEntityManager();
            EntityTransaction tx = em.getTransaction();
            bound.set(em);
            try {
                tx.begin();
                T result = work.get();
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            } finally {
                bound.remove();
                em.close();
            }
        }
    }
}
