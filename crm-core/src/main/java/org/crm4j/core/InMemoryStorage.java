package org.crm4j.core;

import java.time.Clock;
import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.classifier.ClassifierStore;
import org.crm4j.client.ClientStore;
import org.crm4j.common.Transactions;
import org.crm4j.consent.ConsentStore;
import org.crm4j.core.assignment.InMemoryAssignmentQuery;
import org.crm4j.core.classifier.InMemoryClassifierStore;
import org.crm4j.core.client.InMemoryClientStore;
import org.crm4j.core.consent.InMemoryConsentStore;
import org.crm4j.core.deal.InMemoryDealStore;
import org.crm4j.core.deal.InMemoryPipelineStore;
import org.crm4j.core.dossier.InMemoryDossierStore;
import org.crm4j.core.history.InMemoryWorkHistoryStore;
import org.crm4j.core.interaction.InMemoryInteractionStore;
import org.crm4j.core.keydate.InMemoryNotableEventStore;
import org.crm4j.core.schedule.InMemoryReminderStore;
import org.crm4j.core.schedule.InMemoryScheduleQuery;
import org.crm4j.core.task.InMemoryTaskStore;
import org.crm4j.core.template.InMemoryTemplateStore;
import org.crm4j.core.telephony.InMemoryCallStore;
import org.crm4j.core.timeline.InMemoryTimeline;
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

/**
 * Every aggregate kept in memory: the default storage of {@link Crm}, for tests, demonstrations and embedding
 * systems that keep the CRM's state elsewhere. Each store is atomic per call, so no transaction is needed.
 * Nothing survives the JVM. Thread-safe.
 */
public final class InMemoryStorage implements CrmStorage {
    private final InMemoryClientStore clients = new InMemoryClientStore();
    private final InMemoryClassifierStore classifiers = new InMemoryClassifierStore();
    private final InMemoryNotableEventStore notableEvents = new InMemoryNotableEventStore();
    private final InMemoryInteractionStore interactions = new InMemoryInteractionStore();
    private final InMemoryWorkHistoryStore workHistory = new InMemoryWorkHistoryStore();
    private final InMemoryDossierStore dossiers = new InMemoryDossierStore();
    private final InMemoryTaskStore tasks = new InMemoryTaskStore();
    private final InMemoryReminderStore reminders;
    private final InMemoryScheduleQuery scheduleQuery = new InMemoryScheduleQuery(clients, interactions);
    private final InMemoryPipelineStore pipelines = new InMemoryPipelineStore();
    private final InMemoryDealStore deals = new InMemoryDealStore();
    private final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final InMemoryCallStore calls = new InMemoryCallStore();
    private final InMemoryAssignmentQuery assignments = new InMemoryAssignmentQuery(clients, tasks, deals);
    private final InMemoryTimeline timeline = new InMemoryTimeline(interactions, notableEvents, workHistory);

    /** Empty storage whose reminder store tells the system's time ({@link ReminderStore#currentTime()}). */
    public InMemoryStorage() {
        this(Clock.systemUTC());
    }

    /**
     * Empty storage whose reminder store tells {@code clock}'s time, as a database tells its own: what a scheduler
     * with {@code SchedulerSettings.databaseClock} judges due-ness by.
     */
    public InMemoryStorage(Clock clock) {
        this.reminders = new InMemoryReminderStore(clock);
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
        return Transactions.none();
    }
}
