package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.crm4j.client.ClientId;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.history.Claim;
import org.crm4j.history.DocumentLine;
import org.crm4j.history.Payment;
import org.crm4j.history.PaymentMethod;
import org.crm4j.history.SaleLine;
import org.crm4j.history.WorkFact;
import org.crm4j.history.WorkFactId;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.storage.CrmStorage;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelineEntry;
import org.crm4j.timeline.TimelineKind;
import org.crm4j.timeline.TimelinePage;
import org.crm4j.timeline.TimelineQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TimelineQuery} must keep, over the stores of the {@link CrmStorage} it belongs to;
 * an adapter extends this class and returns an empty storage from {@link #emptyStorage()}.
 */
public abstract class TimelineQueryContract {
    /** A zone far from UTC, so that a date placed at midnight UTC instead of local midnight shows. */
    protected static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    private static final ClientId CLIENT = ClientFixture.id(1);
    private static final ClientId OTHER = ClientFixture.id(2);

    /** A storage with nothing in it; called before every test. */
    protected abstract CrmStorage emptyStorage();

    protected CrmStorage storage;
    private int sequence;

    @BeforeEach
    void createStorage() {
        storage = emptyStorage();
        sequence = 0;
    }

    protected TimelineQuery timeline() {
        return storage.timeline();
    }

    /** Records an interaction of {@code client} at {@code at}. */
    protected Interaction interaction(ClientId client, Instant at, String subject) {
        int n = ++sequence;
        return storage.interactions().insert(Interaction.builder()
                .id(InteractionId.of(new UUID(0x0190000000007300L, n)))
                .type(n % 2 == 0 ? "call-in" : "meeting").direction(Direction.INBOUND).channel(Channel.PHONE)
                .at(at).manager(EmployeeId.of("anna")).client(client).subject(subject)
                .documentRef(n % 3 == 0 ? "INV-" + n : null).recordedAt(at).build());
    }

    /** Records a one-off notable event of {@code client} on {@code date}. */
    protected NotableEvent event(ClientId client, LocalDate date, String title) {
        int n = ++sequence;
        return storage.notableEvents().save(new NotableEvent(NotableEventId.of(new UUID(0x0190000000007400L, n)),
                client, null, NotableEventKind.STAFF_CHANGE, title, date, false, null, 0));
    }

    /** Feeds a sale line, a payment and a claim of {@code client}, all at {@code at}, and returns them. */
    protected List<WorkFact> facts(ClientId client, Instant at) {
        long n = ++sequence;
        List<WorkFact> facts = List.of(
                new SaleLine(WorkFactId.of(new UUID(0x0190000000007500L, 3 * n)), DocumentLine.of("РН-" + n, 1),
                        client,
                        at, "P-" + n, "Кабель " + n, BigDecimal.ONE, Money.of("1500.00", "RUB"),
                        EmployeeId.of("anna")),
                new Payment(WorkFactId.of(new UUID(0x0190000000007500L, 3 * n + 1)), DocumentLine.of("ПП-" + n, 1),
                        client, at, Money.of("1500.00", "RUB"), PaymentMethod.BANK_TRANSFER, 2),
                new Claim(WorkFactId.of(new UUID(0x0190000000007500L, 3 * n + 2)), DocumentLine.of("ПР-" + n, 1),
                        client, at, "Недовложение " + n, null));
        storage.workHistory().feed(facts);
        return facts;
    }

    /** Every entry of the client's timeline, read page by page through encoded cursors. */
    protected List<TimelineEntry> readAll(ClientId client, ZoneId zone, int pageSize) {
        List<TimelineEntry> all = new ArrayList<>();
        TimelineCursor cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            TimelinePage page = timeline().page(client, zone, cursor, pageSize);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.entries());
            if (page.next() == null) {
                return all;
            }
            assertThat(page.entries()).hasSize(pageSize);
            assertThat(page.next()).isEqualTo(page.entries().get(pageSize - 1).cursor());
            cursor = TimelineCursor.decode(page.next().encode());
        }
        throw new AssertionError("the timeline did not end within 1000 pages");
    }

    @Test
    @DisplayName("a client with nothing recorded has one empty last page")
    void empty() {
        interaction(OTHER, ClientFixture.T0, "Чужой звонок");

        TimelinePage page = timeline().page(CLIENT, VLADIVOSTOK, null, 10);

        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    @DisplayName("interactions and notable events come merged, newest first, each with its fields")
    void merged() {
        Interaction call = interaction(CLIENT, Instant.parse("2026-03-05T01:30:00Z"), "Запрос прайс-листа");
        NotableEvent event = event(CLIENT, LocalDate.of(2026, 3, 5), "Новый главный бухгалтер");
        Interaction earlier = interaction(CLIENT, Instant.parse("2026-03-04T10:00:00Z"), "Встреча");
        interaction(OTHER, Instant.parse("2026-03-05T02:00:00Z"), "Чужой звонок");

        TimelinePage page = timeline().page(CLIENT, VLADIVOSTOK, null, 10);

        // 5 March begins at 2026-03-04T14:00Z in Vladivostok: after the meeting, before the call.
        assertThat(page.entries()).extracting(TimelineEntry::source)
                .containsExactly(call.id().value(), event.id().value(), earlier.id().value());
        assertThat(page.next()).isNull();
        TimelineEntry first = page.entries().get(0);
        assertThat(first).isEqualTo(new TimelineEntry(TimelineKind.INTERACTION, call.id().value(), CLIENT,
                call.at(), null, "meeting", "Запрос прайс-листа", null, EmployeeId.of("anna"), null));
        assertThat(page.entries().get(1)).isEqualTo(new TimelineEntry(TimelineKind.NOTABLE_EVENT,
                event.id().value(), CLIENT, Instant.parse("2026-03-04T14:00:00Z"), LocalDate.of(2026, 3, 5),
                "STAFF_CHANGE", "Новый главный бухгалтер", null, null, null));
    }

    @Test
    @DisplayName("work-history facts come with their product, method, amount and document, by kind at one moment")
    void workFacts() {
        Instant at = Instant.parse("2026-03-05T10:00:00Z");
        interaction(CLIENT, at, "Звонок о поставке");
        List<WorkFact> facts = facts(CLIENT, at);
        facts(OTHER, at);

        TimelinePage page = timeline().page(CLIENT, VLADIVOSTOK, null, 10);

        // One moment: SALE, PAYMENT, INTERACTION, CLAIM by kind name, descending.
        assertThat(page.entries()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.SALE,
                TimelineKind.PAYMENT, TimelineKind.INTERACTION, TimelineKind.CLAIM);
        SaleLine sale = (SaleLine) facts.get(0);
        Payment payment = (Payment) facts.get(1);
        Claim claim = (Claim) facts.get(2);
        assertThat(page.entries().get(0)).isEqualTo(new TimelineEntry(TimelineKind.SALE, sale.id().value(), CLIENT,
                at, null, sale.productCode(), sale.productName(), Money.of("1500.00", "RUB"), EmployeeId.of("anna"),
                sale.key().documentId()));
        assertThat(page.entries().get(1)).isEqualTo(new TimelineEntry(TimelineKind.PAYMENT, payment.id().value(),
                CLIENT, at, null, "BANK_TRANSFER", payment.key().documentId(), Money.of("1500", "RUB"), null,
                payment.key().documentId()));
        assertThat(page.entries().get(3)).isEqualTo(new TimelineEntry(TimelineKind.CLAIM, claim.id().value(),
                CLIENT, at, null, null, claim.subject(), null, null, claim.key().documentId()));
    }

    @Test
    @DisplayName("a date stands at the start of that day in the zone asked for")
    void zones() {
        event(CLIENT, LocalDate.of(2026, 3, 5), "Реорганизация");

        assertThat(timeline().page(CLIENT, ZoneId.of("Europe/Kaliningrad"), null, 1).entries().get(0).at())
                .isEqualTo(Instant.parse("2026-03-04T22:00:00Z"));
        assertThat(timeline().page(CLIENT, VLADIVOSTOK, null, 1).entries().get(0).at())
                .isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
    }

    @Test
    @DisplayName("paging through ties of moment and kind gives every entry once, in timeline order")
    void pagingThroughTies() {
        Instant midnight = LocalDate.of(2026, 3, 5).atStartOfDay(VLADIVOSTOK).toInstant();
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(interaction(CLIENT, midnight, "Звонок " + i).id().value());   // all at one moment
            expected.add(event(CLIENT, LocalDate.of(2026, 3, 5), "Событие " + i).id().value());   // the same
            expected.add(interaction(CLIENT, midnight.minusSeconds(60L * i + 1), "Ранее " + i).id().value());
            expected.add(event(CLIENT, LocalDate.of(2026, 2, 20 - i), "Прежде " + i).id().value());
            facts(CLIENT, midnight).forEach(f -> expected.add(f.id().value()));   // the same moment again
            facts(CLIENT, midnight.minusSeconds(60L * i + 1)).forEach(f -> expected.add(f.id().value()));
        }

        for (int pageSize : new int[] {1, 2, 3, 5, 28, 70, 71, 500}) {
            List<TimelineEntry> all = readAll(CLIENT, VLADIVOSTOK, pageSize);

            assertThat(all).extracting(TimelineEntry::source).as("page size " + pageSize)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(all).extracting(TimelineEntry::at).isSortedAccordingTo(Comparator.reverseOrder());
            // At one moment, notable events (kind name N…) come before interactions (I…).
            List<TimelineKind> atMidnight = all.stream().filter(e -> e.at().equals(midnight))
                    .map(TimelineEntry::kind).toList();
            assertThat(atMidnight).hasSize(35)
                    .isSortedAccordingTo(Comparator.comparing(TimelineKind::name).reversed());
        }
    }

    @Test
    @DisplayName("what is recorded after a page was read does not shift the next page")
    void stableCursor() {
        for (int i = 0; i < 6; i++) {
            interaction(CLIENT, ClientFixture.later(10L * i), "Звонок " + i);
        }
        TimelinePage first = timeline().page(CLIENT, VLADIVOSTOK, null, 3);

        interaction(CLIENT, ClientFixture.later(1000), "Новый звонок");
        event(CLIENT, LocalDate.of(2027, 1, 1), "Новое событие");
        TimelinePage second = timeline().page(CLIENT, VLADIVOSTOK, first.next(), 3);

        assertThat(first.entries()).extracting(TimelineEntry::title)
                .containsExactly("Звонок 5", "Звонок 4", "Звонок 3");
        assertThat(second.entries()).extracting(TimelineEntry::title)
                .containsExactly("Звонок 2", "Звонок 1", "Звонок 0");
        assertThat(second.next()).isNull();
        assertThat(timeline().page(CLIENT, VLADIVOSTOK, null, 2).entries()).extracting(TimelineEntry::title)
                .containsExactly("Новое событие", "Новый звонок");
    }

    @Test
    @DisplayName("a page of 0 or of more than the maximum is refused")
    void limits() {
        assertThatThrownBy(() -> timeline().page(CLIENT, VLADIVOSTOK, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline().page(CLIENT, VLADIVOSTOK, null, TimelineQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
