package org.crm4j.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.classifier.ClassifierStore;
import org.crm4j.client.ClientStore;
import org.crm4j.common.StorageException;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.consent.ConsentStore;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.PipelineStore;
import org.crm4j.dossier.DossierStore;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.keydate.NotableEventStore;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.schedule.ScheduleQuery;
import org.crm4j.storage.CrmStorage;
import org.crm4j.task.TaskStore;
import org.crm4j.template.TemplateStore;
import org.crm4j.telephony.CallStore;
import org.crm4j.timeline.TimelineQuery;
import org.jspecify.annotations.Nullable;

/**
 * crm4j's aggregates in a relational database through Jakarta Persistence, with any provider on the class path
 * (Hibernate 6.6 and 7 are tested). Hand it to {@code Crm.builder().storage(...)}.
 *
 * <h2>Schema</h2>
 * The tables are created by the Flyway migrations in this jar, one folder per database:
 * {@code classpath:db/crm4j/h2}, {@code classpath:db/crm4j/postgresql}, {@code classpath:db/crm4j/mariadb}
 * (MariaDB 10.7 or later). They take the table prefix as the placeholder {@code prefix}:
 * <pre>{@code
 * Flyway.configure().dataSource(dataSource)
 *         .locations("classpath:db/crm4j/postgresql")
 *         .placeholders(Map.of("prefix", "crm_"))
 *         .table("crm_schema_history")
 *         .baselineOnMigrate(true).baselineVersion("0")   // when the schema holds the ERP's tables already
 *         .load().migrate();
 * }</pre>
 *
 * <h2>Three ways to run</h2>
 * <ul>
 *   <li>{@link Builder#dataSource}: crm4j builds its own entity manager factory over the data source and runs
 *       resource-local transactions ({@link #transactions()}); {@link #close()} closes the factory.</li>
 *   <li>{@link Builder#entityManagerFactory}: the same over a factory the embedding system built, whose
 *       persistence unit lists {@link #entityClasses()} (and, for a prefix other than {@code crm_}, the
 *       mapping file {@link #mappingFile(String)}).</li>
 *   <li>{@link Builder#managedBy}: the embedding system's transaction manager (JTA, Spring) drives; crm4j
 *       takes the entity manager bound to the current transaction and joins it, so that a CRM change and the
 *       ERP's own change commit or roll back together.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * No provider exception reaches the caller: a stale save is a
 * {@link org.crm4j.common.ConcurrentModificationException}, a taken id or INN a
 * {@link org.crm4j.common.DuplicateException}, any other failure a {@link StorageException}; the transaction is
 * rolled back.
 */
public final class JpaStorage implements CrmStorage, AutoCloseable {
    /** The table prefix when none is given. */
    public static final String DEFAULT_TABLE_PREFIX = "crm_";

    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,29})?");

    private final @Nullable EntityManagerFactory ownFactory;
    private final Transactions transactions;
    private final JpaClientStore clients;
    private final JpaClassifierStore classifiers;
    private final JpaNotableEventStore notableEvents;
    private final JpaInteractionStore interactions;
    private final JpaWorkHistoryStore workHistory;
    private final JpaTimelineQuery timeline;
    private final JpaDossierStore dossiers;
    private final JpaTaskStore tasks;
    private final JpaReminderStore reminders;
    private final JpaScheduleQuery scheduleQuery;
    private final JpaAssignmentQuery assignments;
    private final JpaPipelineStore pipelines;
    private final JpaDealStore deals;
    private final JpaTemplateStore templates;
    private final JpaConsentStore consents;
    private final JpaCallStore calls;

    private JpaStorage(@Nullable EntityManagerFactory ownFactory, Transactions transactions, JpaSession session,
                       String tablePrefix, boolean skipLockedClaims) {
        this.ownFactory = ownFactory;
        this.transactions = transactions;
        this.clients = new JpaClientStore(session, tablePrefix);
        this.classifiers = new JpaClassifierStore(session);
        this.notableEvents = new JpaNotableEventStore(session);
        this.interactions = new JpaInteractionStore(session, tablePrefix);
        this.workHistory = new JpaWorkHistoryStore(session, tablePrefix);
        this.timeline = new JpaTimelineQuery(session, tablePrefix);
        this.dossiers = new JpaDossierStore(session, tablePrefix);
        this.tasks = new JpaTaskStore(session, tablePrefix);
        this.reminders = new JpaReminderStore(session, tablePrefix, skipLockedClaims);
        this.scheduleQuery = new JpaScheduleQuery(session, clients);
        this.assignments = new JpaAssignmentQuery(session, tablePrefix);
        this.pipelines = new JpaPipelineStore(session);
        this.deals = new JpaDealStore(session);
        this.templates = new JpaTemplateStore(session);
        this.consents = new JpaConsentStore(session);
        this.calls = new JpaCallStore(session);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ClientStore clients() {
        return clients;
    }

    @Override
    public ClassifierStore classifiers() {
        return classifiers;
    }

    @Override
    public NotableEventStore notableEvents() {
        return notableEvents;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public TimelineQuery timeline() {
        return timeline;
    }

    @Override
    public DossierStore dossiers() {
        return dossiers;
    }

    @Override
    public WorkHistoryStore workHistory() {
        return workHistory;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public ReminderStore reminders() {
        return reminders;
    }

    @Override
    public ScheduleQuery scheduleQuery() {
        return scheduleQuery;
    }

    @Override
    public PipelineStore pipelines() {
        return pipelines;
    }

    @Override
    public DealStore deals() {
        return deals;
    }

    @Override
    public TemplateStore templates() {
        return templates;
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public CallStore calls() {
        return calls;
    }

    @Override
    public AssignmentQuery assignments() {
        return assignments;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    /** The entity classes a persistence unit must list to hold crm4j's aggregates. */
    public static List<Class<?>> entityClasses() {
        return CrmPersistenceUnit.ENTITIES;
    }

    /** The {@code orm.xml} content that maps crm4j's entities to the tables of {@code tablePrefix}. */
    public static String mappingFile(String tablePrefix) {
        return CrmPersistenceUnit.mappingFile(checkPrefix(tablePrefix));
    }

    /** Closes the entity manager factory crm4j built; one given by the embedding system stays open. */
    @Override
    public void close() {
        if (ownFactory != null && ownFactory.isOpen()) {
            ownFactory.close();
        }
    }

    private static String checkPrefix(String tablePrefix) {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new ValidationException("tablePrefix", "jpa.table-prefix", tablePrefix, "the table prefix '"
                    + tablePrefix + "' must be a lower-case letter followed by up to 29 letters, digits or '_'");
        }
        return tablePrefix;
    }

    /** Configures a {@link JpaStorage}; give exactly one of a data source, a factory or a transaction manager. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable EntityManagerFactory factory;
        private @Nullable Transactions managedTransactions;
        private @Nullable Supplier<EntityManager> managedEntityManager;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private String unitName = "crm4j";
        private boolean skipLockedClaims = true;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {
            // JDBC batching for imports, for the providers that need to be told; the others ignore the keys.
            properties.put("hibernate.jdbc.batch_size", "50");
            properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        }

        /** crm4j builds its own entity manager factory over this data source (pooled, in production). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** An entity manager factory whose persistence unit lists {@link #entityClasses()}. */
        public Builder entityManagerFactory(EntityManagerFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The embedding system's transactions and the entity manager of its current transaction (for Spring, the
         * shared entity manager; for JTA, the container-managed one).
         */
        public Builder managedBy(Transactions transactions, Supplier<EntityManager> currentEntityManager) {
            this.managedTransactions = Objects.requireNonNull(transactions, "transactions");
            this.managedEntityManager = Objects.requireNonNull(currentEntityManager, "currentEntityManager");
            return this;
        }

        /** The prefix of crm4j's table names, {@code crm_} by default; the migrations must use the same. */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = checkPrefix(tablePrefix);
            return this;
        }

        /** The persistence unit's name when crm4j builds the factory; {@code crm4j} by default. */
        public Builder unitName(String unitName) {
            this.unitName = Objects.requireNonNull(unitName, "unitName");
            return this;
        }

        /**
         * How nodes claim due reminders: with {@code select … for update skip locked} and one update ({@code true},
         * the default: PostgreSQL, MariaDB 10.6 or later and H2 2.5 run it), or, for a database without
         * {@code skip locked}, by one update per candidate guarded by its version ({@code false}). Both hand each
         * reminder to one node; the first costs two statements per claim, the second one more per reminder.
         */
        public Builder skipLockedClaims(boolean skipLocked) {
            this.skipLockedClaims = skipLocked;
            return this;
        }

        /** A property for the provider when crm4j builds the factory, such as {@code hibernate.hbm2ddl.auto}. */
        public Builder property(String key, Object value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public JpaStorage build() {
            int given = (dataSource != null ? 1 : 0) + (factory != null ? 1 : 0)
                    + (managedTransactions != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalStateException("give exactly one of dataSource, entityManagerFactory or managedBy; "
                        + "given: " + given);
            }
            if (managedTransactions != null) {
                return new JpaStorage(null, managedTransactions,
                        new ManagedSession(managedTransactions, managedEntityManager), tablePrefix, skipLockedClaims);
            }
            EntityManagerFactory emf = factory != null ? factory : createFactory();
            ResourceLocalTransactions local = new ResourceLocalTransactions(emf);
            return new JpaStorage(factory != null ? null : emf, local, local, tablePrefix, skipLockedClaims);
        }

        private EntityManagerFactory createFactory() {
            List<PersistenceProvider> providers =
                    PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
            if (providers.isEmpty()) {
                throw new StorageException("no Jakarta Persistence provider on the class path: add one, "
                        + "such as org.hibernate.orm:hibernate-core", null);
            }
            Properties props = new Properties();
            props.putAll(properties);
            CrmPersistenceUnit unit = new CrmPersistenceUnit(unitName, dataSource, tablePrefix, props);
            try {
                return providers.get(0).createContainerEntityManagerFactory(unit, properties);
            } catch (PersistenceException e) {
                throw new StorageException("the persistence unit " + unitName + " could not start: "
                        + e.getMessage(), e);
            }
        }
    }
}
