package org.crm4j.storage;

import org.crm4j.assignment.AssignmentQuery;
import org.crm4j.classifier.ClassifierStore;
import org.crm4j.client.ClientStore;
import org.crm4j.common.Transactions;
import org.crm4j.consent.ConsentStore;
import org.crm4j.deal.DealStore;
import org.crm4j.deal.PipelineStore;
import org.crm4j.dossier.DossierStore;
import org.crm4j.history.WorkHistoryStore;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.keydate.NotableEventStore;
import org.crm4j.schedule.ReminderStore;
import org.crm4j.schedule.ScheduleQuery;
import org.crm4j.task.TaskStore;
import org.crm4j.template.TemplateStore;
import org.crm4j.telephony.CallStore;
import org.crm4j.timeline.TimelineQuery;

/**
 * Where crm4j keeps its aggregates: one store per aggregate and the transaction boundary they share. The
 * embedding system hands one to {@code Crm.builder().storage(...)}: crm-core's in-memory storage (the default),
 * crm-jpa's {@code JpaStorage}, or its own implementation. Implementations are thread-safe.
 */
public interface CrmStorage {
    /** The client cards. */
    ClientStore clients();

    /** The tenant's dictionaries. */
    ClassifierStore classifiers();

    /** The notable events and key dates of clients. */
    NotableEventStore notableEvents();

    /** The history of interactions with clients. */
    InteractionStore interactions();

    /** The work history of clients: sales, payments and claims fed by the ERP. */
    WorkHistoryStore workHistory();

    /** The dossiers of firms, people and products, with their timelines of facts. */
    DossierStore dossiers();

    /** Each client's timeline, merged from the stores of its interactions, notable events and work history. */
    TimelineQuery timeline();

    /** Tasks and reminders of employees. */
    TaskStore tasks();

    /** Reminders due at a moment, delivered once through the notifier. */
    ReminderStore reminders();

    /** The questions time-triggered scheduling rules ask: idle clients, clients with a manager. */
    ScheduleQuery scheduleQuery();

    /** The tenant's sales pipelines. */
    PipelineStore pipelines();

    /** The deals moving through the pipelines, and the reports over them. */
    DealStore deals();

    /** The message templates of mailings. */
    TemplateStore templates();

    /** The history of clients' consents to be contacted. */
    ConsentStore consents();

    /** Incoming calls assembled from the PBX's events, and the service level of lines. */
    CallStore calls();

    /** The questions assigning clients to managers asks: managers' open work and assignment history. */
    AssignmentQuery assignments();

    /** The transaction every use case runs in; {@link Transactions#none()} for stores atomic per call. */
    Transactions transactions();
}
