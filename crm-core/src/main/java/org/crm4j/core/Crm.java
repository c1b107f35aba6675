package org.crm4j.core;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crm4j.assignment.Absences;
import org.crm4j.calendar.BusinessCalendar;
import org.crm4j.common.CrmEventListener;
import org.crm4j.core.assignment.AssignmentPolicy;
import org.crm4j.core.assignment.Assignments;
import org.crm4j.core.calendar.Calendars;
import org.crm4j.core.classifier.Classifiers;
import org.crm4j.core.client.ClientRules;
import org.crm4j.core.client.Clients;
import org.crm4j.core.common.Ids;
import org.crm4j.core.consent.Consents;
import org.crm4j.core.deal.Deals;
import org.crm4j.core.deal.Pipelines;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.core.dossier.Dossiers;
import org.crm4j.core.history.WorkHistory;
import org.crm4j.core.interaction.Interactions;
import org.crm4j.core.keydate.NotableEvents;
import org.crm4j.core.schedule.Notifiers;
import org.crm4j.core.json.EventsJson;
import org.crm4j.core.json.RulesJson;
import org.crm4j.core.outbox.Outbox;
import org.crm4j.core.schedule.Scheduler;
import org.crm4j.core.schedule.SchedulerSettings;
import org.crm4j.core.schedule.SchedulingRule;
import org.crm4j.core.task.Agenda;
import org.crm4j.core.task.KanbanBoard;
import org.crm4j.core.task.OverduePolicy;
import org.crm4j.core.task.Regulations;
import org.crm4j.core.task.Tasks;
import org.crm4j.core.template.Mailing;
import org.crm4j.core.telephony.Telephony;
import org.crm4j.core.telephony.TelephonySettings;
import org.crm4j.core.timeline.Timeline;
import org.crm4j.notification.Notifier;
import org.crm4j.schedule.Supervisors;
import org.crm4j.storage.CrmStorage;
import org.crm4j.template.EmployeeNames;
import org.jspecify.annotations.Nullable;

/**
 * crm4j's entry point: one object per application, built once and shared, giving the use cases of each part of
 * the CRM. No framework is needed; the same object works in Spring, Jakarta EE or plain Java, and the embedding
 * system owns threads and transactions.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().build();                    // in memory, system clock, region RU
 * ClientCard card = crm.clients().register(ClientForm.organisation("Рога и копыта")
 *         .inn("7707083893").phone("8 (495) 123-45-67").build());
 * crm.clients().findByPhone("+7 495 123 45 67");      // the caller is identified
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Crm {
    private final CrmStorage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final PhoneNumbers phoneNumbers;
    private final Clients clients;
    private final Classifiers classifiers;
    private final NotableEvents notableEvents;
    private final Interactions interactions;
    private final Timeline timeline;
    private final Dossiers dossiers;
    private final WorkHistory workHistory;
    private final Tasks tasks;
    private final Agenda agenda;
    private final BusinessCalendar calendar;
    private final Regulations regulations;
    private final Scheduler scheduler;
    private final Pipelines pipelines;
    private final Deals deals;
    private final Notifier notifier;
    private final Outbox outbox;
    private final Consents consents;
    private final Mailing mailing;
    private final Telephony telephony;
    private final Assignments assignments;

    private Crm(Builder b) {
        this.storage = b.storage;
        this.clock = b.clock;
        this.zone = b.zone != null ? b.zone : b.clock.getZone();
        this.phoneNumbers = PhoneNumbers.forRegion(b.defaultRegion);
        this.classifiers = new Classifiers(storage.classifiers(), storage.transactions());
        this.outbox = new Outbox(storage.reminders(), storage.transactions(), clock, EventsJson.standard(),
                b.listenerSet, b.schedulerSettings.node(), b.schedulerSettings.lease(),
                b.schedulerSettings.databaseClock());
        this.clients = new Clients(storage.clients(), storage.transactions(), clock, phoneNumbers, outbox,
                classifiers.codes());
        this.notableEvents = new NotableEvents(storage.notableEvents(), storage.transactions(), new Ids(clock));
        this.tasks = new Tasks(storage.tasks(), storage.clients(), storage.transactions(), clock, zone, b.board,
                b.overduePolicy, outbox);
        this.agenda = new Agenda(storage.tasks(), storage.transactions());
        this.calendar = b.calendar != null ? b.calendar : Calendars.mondayToFriday(zone);
        this.regulations = new Regulations(tasks, storage.tasks(), storage.transactions(), clock, zone, calendar);
        this.workHistory = new WorkHistory(storage.workHistory(), storage.clients(), storage.transactions(),
                new Ids(clock), zone);
        this.scheduler = new Scheduler(b.rules, new Scheduler.Parts(storage.reminders(), storage.tasks(),
                storage.clients(), storage.scheduleQuery(), storage.deals(), storage.pipelines(),
                storage.transactions(), tasks, notableEvents, workHistory), clock, zone, calendar,
                Notifier.routing(Map.of(Outbox.EVENT_CHANNEL, outbox.eventNotifier(b.listener)), b.notifier),
                b.supervisors, b.schedulerSettings);
        outbox.deliverWith(scheduler::deliverClaimed);
        this.pipelines = new Pipelines(storage.pipelines(), storage.deals(), storage.transactions(), clock,
                outbox);
        this.deals = new Deals(storage.deals(), storage.pipelines(), storage.clients(), storage.transactions(), clock,
                calendar, classifiers.codes(), outbox, b.defaultPipeline.code(), b.advanceDealsOnContact,
                scheduler::onDeal);
        this.interactions = new Interactions(storage.interactions(), storage.clients(), storage.transactions(),
                classifiers.codes(), interaction -> {
                    tasks.followUp(interaction);
                    deals.onInteraction(interaction);
                    scheduler.onInteraction(interaction);
                });
        this.notifier = b.notifier;
        this.telephony = new Telephony(new Telephony.Parts(storage.calls(), storage.clients(),
                storage.interactions(), storage.deals(), storage.tasks(), storage.notableEvents(),
                storage.transactions(), clients, interactions, tasks), clock, zone, phoneNumbers, outbox.notifier(),
                b.telephonySettings);
        this.timeline = new Timeline(storage.timeline(), storage.transactions(), zone);
        this.dossiers = new Dossiers(storage.dossiers(), storage.clients(), storage.interactions(),
                storage.transactions(), clock, zone, outbox);
        this.consents = new Consents(storage.consents(), storage.clients(), storage.transactions(), clock,
                phoneNumbers);
        this.mailing = new Mailing(storage, interactions, consents, clock, zone, outbox.notifier(), b.employeeNames);
        this.assignments = new Assignments(new Assignments.Parts(storage.clients(), storage.tasks(), storage.deals(),
                storage.assignments(), storage.transactions(), tasks, new ClientRules(phoneNumbers,
                classifiers.codes())), clock, calendar, b.assignmentPolicy, b.absences, outbox);
        if (b.defaultClassifiers) {
            classifiers.defineMissing(Classifiers.defaults());
        }
        pipelines.defineMissing(b.defaultPipeline);
    }

    /**
     * A builder with the defaults: {@link InMemoryStorage}, the system clock in UTC, the clock's zone, region RU,
     * no listener, the standard Kanban board, no overdue policy, a Monday-Friday 09:00-18:00 business calendar in the
     * CRM's zone, no scheduling rules, the logging notifier, no supervisors, the default scheduler settings, the
     * default telephony settings, no assignment policy (automatic assignment refuses), nobody absent.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Client cards: registration, formal section, contact persons, managers, lookups. */
    public Clients clients() {
        return clients;
    }

    /** The tenant's dictionaries. */
    public Classifiers classifiers() {
        return classifiers;
    }

    /** The history of interactions with clients. */
    public Interactions interactions() {
        return interactions;
    }

    /** Each client's timeline: interactions, notable events and work-history facts, newest first, paged. */
    public Timeline timeline() {
        return timeline;
    }

    /** Dossiers of firms, people and products, with their timelines of facts. */
    public Dossiers dossiers() {
        return dossiers;
    }

    /** The work history of clients: sales, payments and claims fed by the ERP, and the reports over them. */
    public WorkHistory workHistory() {
        return workHistory;
    }

    /** Notable events on clients' cards and the key dates coming up. */
    public NotableEvents notableEvents() {
        return notableEvents;
    }

    /**
     * Tasks and reminders: creation, assignment, statuses, the Kanban board and the overdue policy. Recording an
     * interaction with a manager and a planned next contact creates its follow-up task here.
     */
    public Tasks tasks() {
        return tasks;
    }

    /** Employees' agendas: what is overdue, due today and coming, and the day's meetings. */
    public Agenda agenda() {
        return agenda;
    }

    /**
     * Regulations (M-5.3): applying one to an event creates its task with a deadline in business time; the
     * compliance report tells per regulation and per manager (M-5.4) who does things on time.
     */
    public Regulations regulations() {
        return regulations;
    }

    /**
     * The scheduling rules and the firing of reminders (M-5, M-5.6): rules triggered by interactions run as they are
     * recorded; the embedding system calls {@link Scheduler#fireDue} from its timer to evaluate the time-triggered
     * rules and deliver due reminders and escalations through the notifier.
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * The tenant's sales pipelines (M-4): the default one (the Shiffman scheme unless the builder set another),
     * others, and changes of stages that keep every deal valid.
     */
    public Pipelines pipeline() {
        return pipelines;
    }

    /**
     * Deals moving through the pipelines (M-4), and the board, idle deals, funnel and forecast over them. Idle
     * limits are counted in business days of {@link #calendar()}.
     */
    public Deals deals() {
        return deals;
    }

    /**
     * Incoming calls (M-6.3) and the service level of lines (M-7.2): the PBX connector hands every call event to
     * {@link Telephony#on}; the caller is identified, a screen pop goes to the manager through the notifier, each
     * call is recorded once as an interaction and a missed call of a client is called back.
     */
    public Telephony telephony() {
        return telephony;
    }

    /**
     * Clients' consents to be contacted (M-6.2): grants and withdrawals per mechanism, address and purpose, kept as
     * a history whose latest record is the current consent.
     */
    public Consents consents() {
        return consents;
    }

    /**
     * Message templates and mailing (M-6.2): templates with placeholders checked when saved, sent to clients'
     * contacts through the {@link #notifier()}, marketing only with consent, each sending recorded once in the
     * client's history.
     */
    public Mailing mailing() {
        return mailing;
    }

    /**
     * Dividing clients among managers (M-6.4): the {@link AssignmentPolicy} of {@link Builder#assignment} proposes
     * and assigns a manager, explaining which step decided; clients, or all of a leaving manager's clients, are
     * reassigned with their open tasks and deals and a handover task, keeping the assignment history.
     */
    public Assignments assignment() {
        return assignments;
    }

    /** The notifier reminders, escalations, mailings and screen pops of calls are delivered through. */
    public Notifier notifier() {
        return notifier;
    }

    /** The business calendar deadlines of regulations and their lateness are measured in. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The storage this CRM keeps its state in. */
    public CrmStorage storage() {
        return storage;
    }

    /** The clock the CRM reads the time from. */
    public Clock clock() {
        return clock;
    }

    /**
     * The tenant's time zone: the days of reports, the day a date-only fact (a sale document's date, a notable
     * event) begins at, and the day of a moment where a date is asked for.
     */
    public ZoneId zone() {
        return zone;
    }

    /** Phone reading and formatting with the default region. */
    public PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }

    /** Builds a {@link Crm}. Not thread-safe; the {@code Crm} it builds is. */
    public static final class Builder {
        private CrmStorage storage = new InMemoryStorage();
        private Clock clock = Clock.systemUTC();
        private @Nullable ZoneId zone;
        private String defaultRegion = "RU";
        private CrmEventListener listener = CrmEventListener.none();
        private boolean listenerSet;
        private boolean defaultClassifiers = true;
        private KanbanBoard board = KanbanBoard.standard();
        private OverduePolicy overduePolicy = OverduePolicy.off();
        private @Nullable BusinessCalendar calendar;
        private List<SchedulingRule> rules = List.of();
        private Notifier notifier = Notifiers.logging();
        private Supervisors supervisors = Supervisors.none();
        private SchedulerSettings schedulerSettings = SchedulerSettings.defaults();
        private org.crm4j.deal.Pipeline defaultPipeline = Pipelines.shiffman();
        private boolean advanceDealsOnContact;
        private EmployeeNames employeeNames = EmployeeNames.none();
        private TelephonySettings telephonySettings = TelephonySettings.defaults();
        private AssignmentPolicy assignmentPolicy = AssignmentPolicy.none();
        private Absences absences = Absences.none();

        private Builder() {
        }

        /** Where aggregates are kept. Default: a new {@link InMemoryStorage}. */
        public Builder storage(CrmStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** Where the time comes from. Default: {@link Clock#systemUTC()}. Tests pass a settable clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The tenant's time zone. Default: the clock's zone (UTC for the system clock). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The region phone numbers typed without a country code belong to, ISO 3166-1 alpha-2. Default: RU, so
         * that {@code 8 (495) 123-45-67} reads as +74951234567.
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Who hears of CRM events: after each change commits, at least once, through crm4j's outbox (see
         * {@link CrmEventListener}). Default: nobody, and then no event is written.
         */
        public Builder listener(CrmEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            this.listenerSet = true;
            return this;
        }

        /**
         * Whether {@link #build()} adds the entries of {@link Classifiers#defaults()} the storage does not have
         * yet (entries the tenant changed are left as they are). Default: yes.
         */
        public Builder defaultClassifiers(boolean add) {
            this.defaultClassifiers = add;
            return this;
        }

        /** The Kanban board tasks move on. Default: {@link KanbanBoard#standard()}, without limits. */
        public Builder board(KanbanBoard board) {
            this.board = Objects.requireNonNull(board, "board");
            return this;
        }

        /**
         * Whether employees with overdue tasks may take new ones (M-5.5). Default: {@link OverduePolicy#off()}.
         */
        public Builder overduePolicy(OverduePolicy policy) {
            this.overduePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The business calendar regulations measure deadlines and lateness in, such as
         * {@link Calendars#russia(ZoneId)}. Default: {@link Calendars#mondayToFriday(ZoneId)} in the CRM's zone.
         */
        public Builder calendar(BusinessCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /**
         * The scheduling rules ({@link SchedulingRule}, built in Java or read with {@link RulesJson}). Default: none.
         */
        public Builder rules(List<SchedulingRule> rules) {
            this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /**
         * The pipeline new deals go to unless they name another; {@link #build()} stores it when no pipeline is
         * stored under its code. Default: {@link Pipelines#shiffman()}.
         */
        public Builder defaultPipeline(org.crm4j.deal.Pipeline pipeline) {
            this.defaultPipeline = Objects.requireNonNull(pipeline, "pipeline");
            return this;
        }

        /**
         * Where notifications go: reminders, escalations. Default: {@link Notifiers#logging()}; use
         * {@link Notifier#routing} to send each channel to its own notifier.
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /** Who supervises whom, for escalations of overdue tasks. Default: {@link Supervisors#none()}. */
        public Builder supervisors(Supervisors supervisors) {
            this.supervisors = Objects.requireNonNull(supervisors, "supervisors");
            return this;
        }

        /** How this node's scheduler claims and evaluates. Default: {@link SchedulerSettings#defaults()}. */
        public Builder scheduler(SchedulerSettings settings) {
            this.schedulerSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Whether an interaction recorded about a deal (its {@code dealRef} being the deal's id) with a manager
         * moves the deal through the contact columns ({@link Deals#recordContact}). Either way the interaction is
         * the deal's latest activity. Default: no.
         */
        public Builder advanceDealsOnContact(boolean advance) {
            this.advanceDealsOnContact = advance;
            return this;
        }

        /** How incoming calls are handled. Default: {@link TelephonySettings#defaults()}. */
        public Builder telephony(TelephonySettings settings) {
            this.telephonySettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The names of employees, which message templates show as {@code {manager.name}}. Default:
         * {@link EmployeeNames#none()}, so the placeholder renders as its fallback.
         */
        public Builder employeeNames(EmployeeNames names) {
            this.employeeNames = Objects.requireNonNull(names, "names");
            return this;
        }

        /**
         * How clients are divided among managers: the team, the steps by region and industry, the tie-breaker.
         * Default: {@link AssignmentPolicy#none()}, so clients are assigned by hand only.
         */
        public Builder assignment(AssignmentPolicy policy) {
            this.assignmentPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Who is away, as the embedding system's staff records tell: absent managers get no clients, and are refused
         * as targets of a reassignment. Default: {@link Absences#none()}.
         */
        public Builder absences(Absences absences) {
            this.absences = Objects.requireNonNull(absences, "absences");
            return this;
        }

        /**
         * Builds the CRM.
         *
         * @throws org.crm4j.common.ValidationException when the default region has no numbering plan, or two rules
         *                                              share a code
         */
        public Crm build() {
            return new Crm(this);
        }
    }
}
