package org.crm4j.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.interaction.ActivityCount;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.InteractionStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InteractionsTest {
    private Crm crm;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().build();
        crm.storage().clients().save(ClientFixture.organisation(1));
    }

    private static Interaction withId(Interaction call, int n) {
        return Interaction.builder().id(InteractionId.of(new UUID(42, n))).externalId(call.externalId())
                .type(call.type()).direction(call.direction()).channel(call.channel()).at(call.at())
                .client(call.client()).subject(call.subject()).leadSource(call.leadSource())
                .recordedAt(call.recordedAt()).build();
    }

    @Test
    @DisplayName("a call the PBX reports twice is recorded once; the second report gets the first record")
    void idempotentByExternalId() {
        Interaction call = InteractionStoreContract.call(2, 1, 0);

        Interactions.Recorded first = crm.interactions().record(call);
        Interactions.Recorded again = crm.interactions().record(withId(call, 1));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.interaction()).isEqualTo(first.interaction());
        assertThat(crm.interactions().history(ClientFixture.id(1), 10)).hasSize(1);
    }

    @Test
    @DisplayName("eight threads reporting the same call record it once")
    void idempotentUnderConcurrency() throws Exception {
        Interaction call = InteractionStoreContract.call(4, 1, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Interactions.Recorded>> reports = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int n = t;
            reports.add(pool.submit(() -> {
                start.await();
                return crm.interactions().record(withId(call, n));
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Interactions.Recorded> report : reports) {
            created += report.get().created() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(crm.interactions().history(ClientFixture.id(1), 10)).hasSize(1);
    }

    @Test
    @DisplayName("an unknown type and lead source are refused together, and nothing is recorded")
    void unknownCodes() {
        Interaction odd = Interaction.builder().id(InteractionId.of(new UUID(1, 1))).type("telepathy")
                .direction(Direction.INBOUND).channel(Channel.OTHER)
                .at(ClientFixture.T0).client(ClientFixture.id(1)).subject("Странный контакт")
                .leadSource("television").recordedAt(ClientFixture.T0).build();

        assertThatThrownBy(() -> crm.interactions().record(odd))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.code())
                        .containsExactly("type classifier.unknown", "leadSource classifier.unknown"));
        assertThat(crm.interactions().history(ClientFixture.id(1), 10)).isEmpty();
    }

    @Test
    @DisplayName("an interaction with a client that is not stored is refused")
    void unknownClient() {
        assertThatThrownBy(() -> crm.interactions().record(InteractionStoreContract.call(1, 77, 0)))
                .isInstanceOf(ClientNotFoundException.class);
    }

    @Test
    @DisplayName("a bad subject and a negative duration are refused with every violation at once")
    void badInteraction() {
        assertThatThrownBy(() -> Interaction.builder().id(InteractionId.of(new UUID(1, 2))).type("call-in")
                .direction(Direction.INBOUND).at(ClientFixture.T0)
                .duration(Duration.ofSeconds(-1)).client(ClientFixture.id(1)).subject(" ")
                .recordedAt(ClientFixture.T0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("duration", "subject"));
    }

    private Interaction call(int n, String leadSource, String manager, String at) {
        return Interaction.builder().id(InteractionId.of(new UUID(7, n))).type("call-in")
                .direction(Direction.INBOUND).channel(Channel.PHONE).at(Instant.parse(at))
                .manager(EmployeeId.of(manager)).client(ClientFixture.id(1)).subject("Звонок")
                .leadSource(leadSource).recordedAt(Instant.parse(at)).build();
    }

    @Test
    @DisplayName("the call form counts a month's calls per day and lead source, in the tenant's zone")
    void callForm() {
        // 21:30 UTC on 31 March is 1 April in Moscow (UTC+3): it belongs to April's form.
        crm.interactions().record(call(1, "exhibition", "anna", "2026-03-31T21:30:00Z"));
        crm.interactions().record(call(2, "exhibition", "anna", "2026-04-01T09:00:00Z"));
        crm.interactions().record(call(3, "website", "boris", "2026-04-30T20:59:59Z"));
        crm.interactions().record(call(4, "website", "boris", "2026-04-30T21:00:00Z"));

        CallForm april = crm.interactions().callForm(YearMonth.of(2026, 4), ZoneId.of("Europe/Moscow"),
                Set.of("call-in"));

        assertThat(april.count("exhibition", LocalDate.of(2026, 4, 1))).isEqualTo(2);
        assertThat(april.count("website", LocalDate.of(2026, 4, 30))).isEqualTo(1);
        assertThat(april.total(LocalDate.of(2026, 4, 2))).isZero();
        assertThat(april.counts().values()).allSatisfy(days -> assertThat(days).hasSize(30));
    }

    @Test
    @DisplayName("manager activity counts each manager's interactions by type")
    void managerActivity() {
        crm.interactions().record(call(1, null, "anna", "2026-04-01T09:00:00Z"));
        crm.interactions().record(call(2, null, "anna", "2026-04-02T09:00:00Z"));
        crm.interactions().record(call(3, null, "boris", "2026-04-03T09:00:00Z"));

        assertThat(crm.interactions().managerActivity(Instant.parse("2026-04-01T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z"))).containsExactly(
                new ActivityCount(EmployeeId.of("anna"), "call-in", 2),
                new ActivityCount(EmployeeId.of("boris"), "call-in", 1));
    }
}
