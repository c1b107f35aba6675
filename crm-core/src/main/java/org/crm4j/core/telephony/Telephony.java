package org.crm4j.core.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientRelation;
import org.crm4j.client.ClientStore;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.Transactions;
import org.crm4j.common.ValidationException;
import org.crm4j.core.client.Clients;
import org.crm4j.core.common.Ids;
import org.crm4j.core.common.PhoneNumbers;
import org.crm4j.core.interaction.Interactions;
import org.crm4j.core.keydate.KeyDate;
import org.crm4j.core.task.NewTask;
import org.crm4j.core.task.Tasks;
import org.crm4j.deal.Deal;
import org.crm4j.deal.DealStore;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventStore;
import org.crm4j.notification.Notification;
import org.crm4j.notification.Notifier;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.task.TaskPriority;
import org.crm4j.task.TaskStore;
import org.crm4j.telephony.AbandonedCalls;
import org.crm4j.telephony.Call;
import org.crm4j.telephony.CallEvent;
import org.crm4j.telephony.CallEventKind;
import org.crm4j.telephony.CallNotFoundException;
import org.crm4j.telephony.CallOutcome;
import org.crm4j.telephony.CallStore;
import org.crm4j.telephony.Identification;
import org.crm4j.telephony.ServiceLevel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming calls (M-6.3) and the service level of lines (M-7.2), returned by {@code crm.telephony()}. The embedding
 * system's PBX connector hands every call event to {@link #on}:
 * <ul>
 *   <li>an <b>offered</b> call's number is read with the tenant's default region and matched against the phones of
 *       cards and of their contact persons; the caller is identified ({@link Identification}: a card, a contact
 *       person, ranked candidates by {@link CallerRanking}, or unknown) and a {@link ScreenPop} goes to the
 *       client's manager through the notifier, on channel {@code screen};</li>
 *   <li>an <b>answered</b> call's screen pop goes to the agent who answered, unless the manager already has it;
 *       an unknown caller can become a lead in one call ({@link #newLead});</li>
 *   <li>when a call ends (ended or missed), an identified caller's call is recorded once as an interaction
 *       (its external id being the PBX call id), with the talk time as duration and the waiting time and result
 *       in its result; a missed call of an identified client creates a call-back task for its manager, once.</li>
 * </ul>
 * Each kind of event is taken once per call: the PBX repeating an event changes nothing and notifies nobody
 * again. The screen pop is written to crm4j's outbox with the event and delivered right after the commit; a
 * channel that refuses it gets it again later, and its refusal does not undo the event. Thread-safe.
 */
public final class Telephony {
    private static final Logger LOG = LoggerFactory.getLogger(Telephony.class);
    private static final int ATTEMPTS = 3;
    private static final int OFFERS_AMONG = 20;
    private static final int DEALS = 20;
    private static final int TASKS = 50;
    private static final String PROPOSAL = "proposal";

    private final Parts parts;
    private final Clock clock;
    private final ZoneId zone;
    private final PhoneNumbers phoneNumbers;
    private final Notifier notifier;
    private final TelephonySettings settings;
    private final Ids ids;

    /**
     * What telephony works with: its store, the stores a screen pop reads, and the use cases it calls.
     *
     * @param calls         the calls
     * @param clientStore   the cards
     * @param interactionStore the interactions, for the screen pop
     * @param deals         the deals, for the screen pop
     * @param taskStore     the tasks, for the screen pop
     * @param notableEvents the notable events, for the screen pop's key dates
     * @param transactions  the transaction boundary
     * @param clients       caller identification and new leads
     * @param interactions  recording calls as interactions
     * @param tasks         call-back tasks
     */
    public record Parts(CallStore calls, ClientStore clientStore, InteractionStore interactionStore,
                        DealStore deals, TaskStore taskStore, NotableEventStore notableEvents,
                        Transactions transactions, Clients clients, Interactions interactions, Tasks tasks) {
        public Parts {
            Objects.requireNonNull(calls, "calls");
            Objects.requireNonNull(clientStore, "clientStore");
            Objects.requireNonNull(interactionStore, "interactionStore");
            Objects.requireNonNull(deals, "deals");
            Objects.requireNonNull(taskStore, "taskStore");
            Objects.requireNonNull(notableEvents, "notableEvents");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(interactions, "interactions");
            Objects.requireNonNull(tasks, "tasks");
        }
    }

    /**
     * What {@link #on} did with an event.
     *
     * @param call           the call after the event, as stored
     * @param applied        whether the event changed the call (false when the PBX repeated it)
     * @param identification who called, on the offered event that identified the caller; otherwise {@code null}
     * @param screenPop      the screen pop sent, or {@code null}
     * @param interaction    the interaction the call was recorded as when it ended, or {@code null}
     * @param callBack       the call-back task of a missed call, or {@code null}
     */
    public record Handled(Call call, boolean applied, @Nullable Identification identification,
                          @Nullable ScreenPop screenPop, @Nullable Interaction interaction,
                          @Nullable Task callBack) {
    }

    /** The use case; usually built by {@code Crm.builder()}. */
    public Telephony(Parts parts, Clock clock, ZoneId zone, PhoneNumbers phoneNumbers, Notifier notifier,
                     TelephonySettings settings) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = new Ids(clock);
    }

    /** How calls are handled. */
    public TelephonySettings settings() {
        return settings;
    }

    /**
     * Takes one event of the PBX: stores it in its call and does what it calls for (see the class comment), in one
     * transaction, with the screen pop, if any, written to the outbox in that transaction. A concurrent handling
     * of the same call is retried.
     */
    public Handled on(CallEvent event) {
        Objects.requireNonNull(event, "event");
        for (int attempt = 1; ; attempt++) {
            try {
                return parts.transactions().inTransaction(() -> {
                    Handled handled = handle(event);
                    send(handled.screenPop());
                    return handled;
                });
            } catch (ConcurrentModificationException | DuplicateException raced) {
                if (attempt == ATTEMPTS || raced instanceof DuplicateException d && !"id".equals(d.key())) {
                    throw raced;
                }
            }
        }
    }

    private Handled handle(CallEvent event) {
        CallStore store = parts.calls();
        Optional<Call> before = store.findById(event.callId());
        Call after = before.map(c -> c.apply(event)).orElseGet(() -> Call.start(event));
        if (before.isPresent() && after.equals(before.get())) {
            return new Handled(before.get(), false, null, null, null, null);
        }
        Identification identification = null;
        ClientCard card = null;
        ContactPerson contact = null;
        if (event instanceof CallEvent.Offered offered && !after.isIdentified()) {
            identification = identify(offered.number());
            Optional<PhoneMatch> best = identification.best();
            if (best.isPresent()) {
                card = best.get().client();
                contact = best.get().contactPerson();
                after = after.identified(card.id(), contact == null ? null : contact.id());
            }
        }
        Call saved = store.save(after);
        if (card == null && saved.client() != null && needsCard(event, before.orElse(null), saved)) {
            card = parts.clientStore().findById(saved.client()).orElse(null);
            contact = card == null || saved.contact() == null ? null : card.contactPerson(saved.contact()).orElse(null);
        }
        ScreenPop pop = null;
        EmployeeId manager = card == null ? null : card.responsibleManager().orElse(null);
        if (event.kind() == CallEventKind.OFFERED && manager != null) {
            pop = screenPop(saved, identification, card, contact, manager);
        } else if (event.kind() == CallEventKind.ANSWERED && saved.agent() != null
                && !saved.agent().equals(manager)) {
            Identification who = identification != null ? identification : known(saved, card, contact);
            pop = screenPop(saved, who, card, contact, saved.agent());
        }
        Interaction interaction = null;
        Task callBack = null;
        boolean ended = saved.outcome().isFinal() && (before.isEmpty() || !before.get().outcome().isFinal());
        if (ended && card != null) {
            interaction = record(saved, card.id());
            callBack = callBack(saved, card);
        }
        return new Handled(saved, true, identification, pop, interaction, callBack);
    }

    private static boolean needsCard(CallEvent event, @Nullable Call before, Call saved) {
        return event.kind() == CallEventKind.ANSWERED
                || saved.outcome().isFinal() && (before == null || !before.outcome().isFinal());
    }

    private Identification known(Call call, @Nullable ClientCard card, @Nullable ContactPerson contact) {
        String raw = call.number() == null ? "" : call.number();
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(raw);
        } catch (ValidationException notAPhone) {
            return Identification.unknown(raw, null);
        }
        return card == null ? Identification.unknown(raw, number)
                : new Identification(raw, number, List.of(new PhoneMatch(card, contact)));
    }

    /**
     * Who has the number, as the PBX gives it: the matching cards ranked by {@link CallerRanking}, or unknown when
     * nobody has it or it is no phone number (a hidden number).
     */
    public Identification identify(String rawNumber) {
        Objects.requireNonNull(rawNumber, "rawNumber");
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(rawNumber);
        } catch (ValidationException notAPhone) {
            return Identification.unknown(rawNumber, null);
        }
        List<PhoneMatch> matches = parts.clients().findByPhone(number);
        return new Identification(rawNumber, number, CallerRanking.rank(matches));
    }

    private ScreenPop screenPop(Call call, @Nullable Identification identification, @Nullable ClientCard card,
                                @Nullable ContactPerson contact, EmployeeId recipient) {
        Identification who = identification != null ? identification
                : Identification.unknown(call.number() == null ? "" : call.number(), null);
        if (card == null) {
            return new ScreenPop(call.id(), call.line(), recipient, who, null, null, List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        List<Interaction> among = settings.recentInteractions() == 0 ? List.of()
                : parts.interactionStore().findByClient(card.id(), Math.max(OFFERS_AMONG,
                settings.recentInteractions()));
        List<Interaction> recent = among.subList(0, Math.min(among.size(), settings.recentInteractions()));
        List<Interaction> offers = among.stream().filter(i -> PROPOSAL.equals(i.type())).toList();
        List<Deal> deals = parts.deals().findByClient(card.id(), DEALS).stream()
                .filter(d -> !d.kind().isClosed()).toList();
        List<Task> tasks = parts.taskStore().findByClient(card.id(), TASKS).stream()
                .filter(t -> t.status().isOpen()).toList();
        return new ScreenPop(call.id(), call.line(), recipient, who, card, contact, recent, offers, deals, tasks,
                keyDates(parts.notableEvents().findByClient(card.id())));
    }

    private List<KeyDate> keyDates(List<NotableEvent> events) {
        LocalDate from = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate to = from.plusDays(settings.keyDateDays() - 1L);
        List<KeyDate> found = new ArrayList<>();
        for (NotableEvent event : events) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                LocalDate on = event.occurrenceIn(year);
                if (on != null && !on.isBefore(from) && !on.isAfter(to)) {
                    found.add(new KeyDate(event, on));
                }
            }
        }
        found.sort(Comparator.comparing(KeyDate::on).thenComparing(k -> k.event().title()));
        return found;
    }

    /** Hands the screen pop to the notifier (crm4j's outbox, which delivers it after the commit). */
    private void send(@Nullable ScreenPop pop) {
        if (pop != null) {
            notifier.deliver(pop.notification());
        }
    }

    private Interaction record(Call call, ClientId client) {
        boolean answered = call.outcome() == CallOutcome.ANSWERED;
        String waited = ScreenPop.spoken(call.waiting().orElse(Duration.ZERO));
        String result = answered ? "answered after " + waited + ", talked " + ScreenPop.spoken(call.talk())
                : "missed: the caller hung up after " + waited + " of waiting";
        Interaction interaction = Interaction.builder().id(InteractionId.of(ids.next())).externalId(call.id())
                .type(settings.interactionType()).direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(call.offeredAt()).duration(call.talk()).manager(answered ? call.agent() : null).client(client)
                .contact(call.contact())
                .subject((answered ? "Incoming call on line " : "Missed call on line ") + call.line())
                .notes(call.number() == null ? null : "Number: " + call.number()).result(result)
                .recordedAt(clock.instant()).build();
        return parts.interactions().record(interaction).interaction();
    }

    private @Nullable Task callBack(Call call, ClientCard card) {
        if (call.outcome() != CallOutcome.ABANDONED) {
            return null;
        }
        Optional<EmployeeId> manager = card.responsibleManager();
        if (manager.isEmpty()) {
            LOG.info("Missed call {} of {} has no manager to call back", call.id(), card.id());
            return null;
        }
        Instant missed = call.endedAt() != null ? call.endedAt() : call.offeredAt();
        String title = "Call back " + card.name();
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        NewTask form = NewTask.at(TaskKind.CALL, title, manager.get(), missed.plus(settings.callBackWithin()))
                .withPriority(TaskPriority.HIGH)
                .withNotes("Missed call on line " + call.line() + (call.number() == null ? "" : " from "
                        + call.number()))
                .about(card.id(), null, null)
                .from(null, "call:" + call.id() + ":call-back");
        return parts.tasks().createRequired(form);
    }

    /**
     * Makes the unknown caller of a call a new lead in one call: a card (a prospect) named {@code name} with the
     * call's number, assigned to the agent who answered, if any; the call is identified with it and, when it has
     * ended, recorded as the lead's first interaction. When the call's caller is already identified, its card is
     * returned and nothing is created.
     *
     * @throws CallNotFoundException when no call has this id
     * @throws ValidationException   when the name is not valid, or the call has no valid phone number
     */
    public ClientCard newLead(String callId, String name) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(name, "name");
        for (int attempt = 1; ; attempt++) {
            try {
                return parts.transactions().inTransaction(() -> lead(callId, name));
            } catch (ConcurrentModificationException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private ClientCard lead(String callId, String name) {
        Call call = parts.calls().findById(callId).orElseThrow(() -> new CallNotFoundException(callId));
        if (call.client() != null) {
            return parts.clients().get(call.client());
        }
        String raw = call.number() == null ? "" : call.number();
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(raw);
        } catch (ValidationException notAPhone) {
            throw new ValidationException("number", "call.number-hidden", raw,
                    "the call has no phone number a lead could be called back on");
        }
        ClientCard card = parts.clients().register(ClientForm.organisation(name).relation(ClientRelation.PROSPECT)
                .phone(number.e164()).build());
        if (call.agent() != null) {
            card = parts.clients().assignManager(card.id(), call.agent(), call.agent(), "took the first call");
        }
        Call saved = parts.calls().save(call.identified(card.id(), null));
        if (saved.outcome().isFinal()) {
            record(saved, card.id());
        }
        return card;
    }

    /** The call with this PBX call id. */
    public Optional<Call> find(String callId) {
        Objects.requireNonNull(callId, "callId");
        return parts.transactions().inTransaction(() -> parts.calls().findById(callId));
    }

    /**
     * The service level of {@code line} for the calls offered in {@code [from, to)}: answered within
     * {@code threshold}, abandoned calls counting by {@code convention}, with the settings' short-abandon limit.
     * One query in crm-jpa, whatever the number of calls.
     */
    public ServiceLevel serviceLevel(String line, Instant from, Instant to, Duration threshold,
                                     AbandonedCalls convention) {
        return serviceLevel(line, from, to, threshold, convention, settings.shortAbandon());
    }

    /**
     * The service level of {@code line} for the calls offered in {@code [from, to)}, with {@code shortAbandon} the
     * limit of {@link AbandonedCalls#SHORT_EXCLUDED}.
     *
     * @throws ValidationException when the period is empty or a limit is negative
     */
    public ServiceLevel serviceLevel(String line, Instant from, Instant to, Duration threshold,
                                     AbandonedCalls convention, Duration shortAbandon) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        org.crm4j.common.Violations v = new org.crm4j.common.Violations();
        if (!from.isBefore(to)) {
            v.add("to", "service-level.period", to, "a period ends after it begins (" + from + ")");
        }
        if (threshold.isNegative()) {
            v.add("threshold", "service-level.threshold", threshold, "a threshold is never negative");
        }
        if (shortAbandon.isNegative()) {
            v.add("shortAbandon", "service-level.short-abandon", shortAbandon, "a limit is never negative");
        }
        v.throwIfAny();
        return new ServiceLevel(line, from, to, threshold, convention, shortAbandon,
                parts.transactions().inTransaction(() ->
                        parts.calls().countServiceLevel(line, from, to, threshold, shortAbandon)));
    }
}
