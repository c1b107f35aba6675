package org.crm4j.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.crm4j.client.ClientId;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.tck.ClientFixture;
import org.crm4j.timeline.TimelineCursor;
import org.crm4j.timeline.TimelineEntry;
import org.crm4j.timeline.TimelineKind;
import org.crm4j.timeline.TimelinePage;
import org.crm4j.timeline.TimelineQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final ZoneId KALININGRAD = ZoneId.of("Europe/Kaliningrad");
    private Crm crm;
    private ClientId client;

    @BeforeEach
    void setUp() {
        crm = Crm.builder().clock(SettableClock.at(ClientFixture.T0)).zone(KALININGRAD).build();
        client = crm.storage().clients().save(ClientFixture.organisation(1)).id();
    }

    private void call(int n, Instant at) {
        crm.interactions().record(Interaction.builder().id(InteractionId.of(new java.util.UUID(7, n)))
                .type("call-in").direction(Direction.INBOUND).channel(Channel.PHONE).at(at).client(client)
                .subject("Звонок " + n).recordedAt(at).build());
    }

    @Test
    @DisplayName("the facade pages with encoded cursors and places dates in the CRM's zone")
    void pagesInTheCrmsZone() {
        call(1, Instant.parse("2026-03-04T21:59:00Z"));
        call(2, Instant.parse("2026-03-04T22:00:01Z"));
        crm.notableEvents().record(client, null, NotableEventKind.ORGANISATIONAL_CHANGE, "Переезд",
                LocalDate.of(2026, 3, 5), false, null);

        TimelinePage first = crm.timeline().page(client, (String) null, 2);
        TimelinePage second = crm.timeline().page(client, first.next().encode(), 2);

        // 5 March begins at 22:00Z on the 4th in Kaliningrad (UTC+2): between the two calls.
        assertThat(first.entries()).extracting(TimelineEntry::title).containsExactly("Звонок 2", "Переезд");
        assertThat(first.entries().get(1).at()).isEqualTo(Instant.parse("2026-03-04T22:00:00Z"));
        assertThat(second.entries()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.INTERACTION);
        assertThat(second.next()).isNull();
    }

    @Test
    @DisplayName("the zone defaults to the clock's")
    void defaultZone() {
        assertThat(Crm.builder().clock(SettableClock.at(ClientFixture.T0)).build().zone())
                .isEqualTo(SettableClock.at(ClientFixture.T0).getZone());
        assertThat(crm.zone()).isEqualTo(KALININGRAD);
    }

    @Test
    @DisplayName("a bad cursor or page size is refused, naming the field and the rule")
    void refusals() {
        assertThatThrownBy(() -> crm.timeline().page(client, "not-a-cursor", 10))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("cursor");
                    assertThat(e.violations().get(0).code()).isEqualTo("timeline.cursor");
                });
        for (int limit : new int[] {0, -1, TimelineQuery.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> crm.timeline().page(client, (TimelineCursor) null, limit))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.violations().get(0).field()).isEqualTo("limit");
                        assertThat(e.violations().get(0).code()).isEqualTo("timeline.limit");
                    });
        }
    }

    @Test
    @DisplayName("a cursor survives its text form, and forged texts are refused")
    void cursorText() {
        TimelineCursor cursor = new TimelineCursor(Instant.parse("2026-03-04T22:00:00.123456Z"),
                TimelineKind.NOTABLE_EVENT, new java.util.UUID(1, 2));

        assertThat(TimelineCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        for (String forged : new String[] {"", "~~", "MjAyNi0wMy0wNFQyMjowMDowMFp-WH5-", "!!!"}) {
            assertThatThrownBy(() -> TimelineCursor.decode(forged)).isInstanceOf(ValidationException.class);
        }
    }
}
