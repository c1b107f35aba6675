package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crm4j.tck.Refusals.refused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.common.EmployeeId;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.schedule.IdleClient;
import org.crm4j.schedule.ScheduleQuery;
import org.crm4j.storage.CrmStorage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ScheduleQuery} must keep, over the client and interaction stores of the
 * {@link CrmStorage} it belongs to; an adapter extends this class and returns an empty storage from
 * {@link #emptyStorage()}. Clients are walked in the store's own order of ids, so the contract asserts what a
 * walk visits, never the order it visits in.
 */
public abstract class ScheduleQueryContract {
    private static final EmployeeId ANNA = EmployeeId.of("anna");
    private static final EmployeeId BORIS = EmployeeId.of("boris");

    /** A storage with nothing in it; called before every test. */
    protected abstract CrmStorage emptyStorage();

    protected CrmStorage storage;
    private int sequence;
    private final Set<ClientId> managed = new HashSet<>();

    @BeforeEach
    void createStorage() {
        storage = emptyStorage();
        sequence = 0;
        managed.clear();
    }

    private static Instant day(long days) {
        return ClientFixture.T0.plus(Duration.ofDays(days));
    }

    /** Saves client number {@code n} with id {@code id}, registered at {@code registered}, managed by {@code manager}. */
    protected ClientCard client(long n, ClientId id, Instant registered, @Nullable EmployeeId manager) {
        ClientCard.Builder card = ClientFixture.minimal(n, "Клиент " + n).toBuilder().id(id).at(registered);
        if (manager != null) {
            card.assignment(new ManagerAssignment(manager, registered, null, null));
        }
        return storage.clients().save(card.build());
    }

    /** Records an interaction of {@code client} that started at {@code at}. */
    protected Interaction interaction(ClientId client, Instant at) {
        int n = ++sequence;
        return storage.interactions().insert(Interaction.builder()
                .id(InteractionId.of(new UUID(0x0190000000007600L, n))).type("call-in")
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(at).manager(ANNA).client(client)
                .subject("Звонок " + n).recordedAt(at).build());
    }

    @Test
    @DisplayName("a client counts from its latest interaction, or from its registration when it has none")
    void idleClients() {
        ClientCard quiet = client(1, ClientFixture.id(1), day(0), ANNA);
        ClientCard called = client(2, ClientFixture.id(2), day(0), BORIS);
        interaction(called.id(), day(3));
        interaction(called.id(), day(1));            // recorded later, started earlier: the latest start counts
        ClientCard unmanaged = client(3, ClientFixture.id(3), day(0), null);
        ClientCard fresh = client(4, ClientFixture.id(4), day(5), ANNA);
        ClientCard once = client(5, ClientFixture.id(5), day(0), BORIS);
        interaction(once.id(), day(1).plusSeconds(1));
        interaction(unmanaged.id(), day(1));

        assertThat(storage.scheduleQuery().idleClients(day(2), null, 100)).containsExactlyInAnyOrder(
                new IdleClient(quiet.id(), ANNA, day(0)), new IdleClient(once.id(), BORIS, day(1).plusSeconds(1)));
        assertThat(storage.scheduleQuery().idleClients(day(10), null, 100)).containsExactlyInAnyOrder(
                new IdleClient(quiet.id(), ANNA, day(0)), new IdleClient(called.id(), BORIS, day(3)),
                new IdleClient(fresh.id(), ANNA, day(5)), new IdleClient(once.id(), BORIS, day(1).plusSeconds(1)));
        assertThat(storage.scheduleQuery().idleClients(day(0), null, 100)).isEmpty();   // before, not at
        assertThat(storage.scheduleQuery().idleClients(day(3), null, 100)).extracting(IdleClient::client)
                .containsExactlyInAnyOrder(quiet.id(), once.id());
    }

    @Test
    @DisplayName("a client whose manager was unassigned is neither idle nor managed")
    void unassigned() {
        ClientCard card = client(1, ClientFixture.id(1), day(0), ANNA);
        storage.clients().save(card.toBuilder().assignment(new ManagerAssignment(null, day(1), BORIS, "уволился"))
                .updatedAt(day(1)).build());
        ClientCard kept = client(2, ClientFixture.id(2), day(0), BORIS);

        assertThat(storage.scheduleQuery().idleClients(day(10), null, 100)).extracting(IdleClient::client)
                .containsExactly(kept.id());
        assertThat(storage.scheduleQuery().managedClients(null, 100)).containsExactly(kept);
    }

    @Test
    @DisplayName("the managed clients are the full cards of the clients with a manager")
    void managedClients() {
        ClientCard anna = client(1, ClientFixture.id(1), day(0), ANNA);
        client(2, ClientFixture.id(2), day(0), null);
        ClientCard full = storage.clients().save(ClientFixture.organisation(3));

        assertThat(storage.scheduleQuery().managedClients(null, 100)).containsExactlyInAnyOrder(anna, full);
    }

    @Test
    @DisplayName("paging idle clients with the last id as cursor visits each once, whatever the page size")
    void pagingIdle() {
        Set<ClientId> expected = manyClients();

        for (int size : new int[] {1, 2, 3, 7, 24, 25, 1000}) {
            List<ClientId> visited = walk(size, (after, limit) -> storage.scheduleQuery()
                    .idleClients(day(30), after, limit), IdleClient::client);
            assertThat(visited).as("page size %d", size).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("paging managed clients with the last id as cursor visits each once, whatever the page size")
    void pagingManaged() {
        manyClients();
        Set<ClientId> expected = Set.copyOf(managed);

        for (int size : new int[] {1, 4, 5, 24, 1000}) {
            List<ClientId> visited = walk(size, (after, limit) -> storage.scheduleQuery()
                    .managedClients(after, limit), ClientCard::id);
            assertThat(visited).as("page size %d", size).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("a limit out of 1 to 1000 is refused")
    void badLimits() {
        refused(() -> storage.scheduleQuery().idleClients(day(1), null, 0), "limit", "reminder.limit", "0");
        refused(() -> storage.scheduleQuery().managedClients(null, 1001), "limit", "reminder.limit", "1001");
    }

    /**
     * 24 managed clients (interactions on some, a recent one on one) and 6 without a manager, under ids spread over
     * the whole range of UUIDs, high bits and sign included, of versions 1, 4 and 7 (which some databases order
     * differently), so that a store ordering ids one way and comparing them another misses or repeats some. Returns
     * the ids of those idle before day 30, all managed but one, and keeps those of the managed ones in {@link
     * #managed}.
     */
    private Set<ClientId> manyClients() {
        Random random = new Random(20260302);
        List<ClientId> idle = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            ClientId id = ClientId.of(spread(random, n % 3 == 0 ? 1 : n % 3 == 1 ? 4 : 7));
            if (n % 5 != 0) {
                managed.add(id);
            }
            client(n, id, day(n % 3), n % 5 != 0 ? (n % 2 == 0 ? ANNA : BORIS) : null);
            if (n % 4 == 0) {
                interaction(id, day(n % 7 + 1));
            }
            if (n == 1) {
                interaction(id, day(31));
                continue;
            }
            if (managed.contains(id)) {
                idle.add(id);
            }
        }
        assertThat(managed).hasSize(24);
        assertThat(idle).hasSize(23);
        return idle.stream().collect(Collectors.toSet());
    }

    /** A random UUID of {@code version} with the RFC 4122 variant, as databases with a UUID type require. */
    private static UUID spread(Random random, int version) {
        long high = (random.nextLong() & ~0xF000L) | ((long) version << 12);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** Every item of a paged walk, each page asked after the last id of the previous one. */
    private static <T> List<ClientId> walk(int size, BiFunction<ClientId, Integer, List<T>> page,
                                           Function<T, ClientId> id) {
        List<ClientId> visited = new ArrayList<>();
        ClientId after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<T> items = page.apply(after, size);
            assertThat(items).hasSizeLessThanOrEqualTo(size);
            items.forEach(item -> visited.add(id.apply(item)));
            if (items.size() < size) {
                return visited;
            }
            after = id.apply(items.get(items.size() - 1));
        }
        throw new AssertionError("the walk did not end within 1000 pages");
    }
}
