package org.crm4j.core.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crm4j.classifier.ClassifierKind;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Transactions;
import org.crm4j.common.Violations;
import org.crm4j.core.classifier.ClassifierCodes;
import org.crm4j.interaction.ActivityCount;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionStore;
import org.crm4j.interaction.PeriodCount;

/**
 * Recording and reading the history of interactions (M-3). Recording is idempotent by the external id: the
 * same call reported twice by the PBX, or the same letter fetched twice from the mail server, is recorded once
 * and the second report gets the first record back. What else recording does in the same transaction (creating
 * the follow-up task of a planned next contact, see {@code Tasks.followUp}) is given as the {@code onRecorded}
 * step, which runs once, when the interaction is stored.
 */
public final class Interactions {
    private final InteractionStore store;
    private final ClientStore clients;
    private final Transactions transactions;
    private final ClassifierCodes codes;
    private final Consumer<Interaction> onRecorded;

    /** Recording that does nothing more than store the interaction. */
    public Interactions(InteractionStore store, ClientStore clients, Transactions transactions,
                        ClassifierCodes codes) {
        this(store, clients, transactions, codes, recorded -> { });
    }

    /**
     * Recording that also runs {@code onRecorded} on each newly stored interaction, in its transaction: when the
     * step fails, the interaction is not recorded either.
     */
    public Interactions(InteractionStore store, ClientStore clients, Transactions transactions,
                        ClassifierCodes codes, Consumer<Interaction> onRecorded) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.onRecorded = Objects.requireNonNull(onRecorded, "onRecorded");
    }

    /** What {@link #record} did: the interaction as stored, and whether this call stored it. */
    public record Recorded(Interaction interaction, boolean created) {
    }

    /**
     * Records an interaction, or returns the one already recorded with its external id. Its type and lead
     * source must be active codes of their dictionaries, and its client a stored card. In a {@code Crm}, an
     * interaction with a manager and a planned next contact also gets its follow-up task, in the same
     * transaction and once only (see {@code Tasks.followUp}); without a manager no task is created.
     *
     * @throws org.crm4j.common.ValidationException naming every unknown code at once
     * @throws ClientNotFoundException when the client is not stored
     */
    public Recorded record(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        String external = interaction.externalId();
        try {
            return transactions.inTransaction(() -> {
                if (external != null) {
                    var earlier = store.findByExternalId(external);
                    if (earlier.isPresent()) {
                        return new Recorded(earlier.get(), false);
                    }
                }
                Violations v = new Violations();
                codes.check(v, "type", ClassifierKind.INTERACTION_TYPE, interaction.type());
                if (interaction.leadSource() != null) {
                    codes.check(v, "leadSource", ClassifierKind.LEAD_SOURCE, interaction.leadSource());
                }
                v.throwIfAny();
                if (!clients.exists(interaction.client())) {
                    throw new ClientNotFoundException(interaction.client());
                }
                Interaction stored = store.insert(interaction);
                onRecorded.accept(stored);
                return new Recorded(stored, true);
            });
        } catch (DuplicateException raced) {
            // Another thread recorded the same external id between our look and our insert.
            if (external != null && "externalId".equals(raced.key())) {
                return new Recorded(transactions.inTransaction(() -> store.findByExternalId(external))
                        .orElseThrow(() -> raced), false);
            }
            throw raced;
        }
    }

    /**
     * The call form of a month (M-3.3): interactions of {@code types} (e.g. {@code call-in}) per day and lead
     * source, the days being those of {@code zone}. One query in crm-jpa, whatever the number of calls.
     */
    public CallForm callForm(YearMonth month, ZoneId zone, Set<String> types) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
        List<Instant> boundaries = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth() + 1; day++) {
            LocalDate date = day <= month.lengthOfMonth() ? month.atDay(day) : month.plusMonths(1).atDay(1);
            boundaries.add(date.atStartOfDay(zone).toInstant());
        }
        List<PeriodCount> counts = transactions.inTransaction(() -> store.countByLeadSource(boundaries, types));
        Map<Optional<String>, Long[]> table = new HashMap<>();
        for (PeriodCount c : counts) {
            Long[] days = table.computeIfAbsent(Optional.ofNullable(c.leadSource()), k -> {
                Long[] zeros = new Long[month.lengthOfMonth()];
                Arrays.fill(zeros, 0L);
                return zeros;
            });
            days[c.period()] += c.count();
        }
        Map<Optional<String>, List<Long>> result = new HashMap<>();
        table.forEach((source, days) -> result.put(source, List.of(days)));
        return new CallForm(month, zone, result);
    }

    /** Manager activity (M-3.4): interactions by manager and type that began from {@code from} to {@code to}. */
    public List<ActivityCount> managerActivity(Instant from, Instant to) {
        return transactions.inTransaction(() -> store.countByManagerAndType(from, to)).stream()
                .sorted(Comparator.comparing((ActivityCount a) -> a.manager() == null ? "" : a.manager().value())
                        .thenComparing(ActivityCount::type))
                .toList();
    }

    /** A client's interactions, newest first, at most {@code limit}. */
    public List<Interaction> history(ClientId client, int limit) {
        return transactions.inTransaction(() -> store.findByClient(client, limit));
    }
}
