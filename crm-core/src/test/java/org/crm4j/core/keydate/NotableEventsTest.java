package org.crm4j.core.keydate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crm4j.common.ValidationException;
import org.crm4j.core.common.Ids;
import org.crm4j.core.common.SettableClock;
import org.crm4j.common.Transactions;
import org.crm4j.keydate.NotableEvent;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.tck.ClientFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotableEventsTest {
    private static final LocalDate EPOCH = LocalDate.of(1960, 1, 1);

    private static NotableEvents events() {
        return new NotableEvents(new InMemoryNotableEventStore(), Transactions.none(),
                new Ids(SettableClock.at(ClientFixture.T0)));
    }

    @Test
    @DisplayName("a founding anniversary and a birthday coming up in the next two weeks are found, a past one is not")
    void upcoming() {
        NotableEvents events = events();
        events.record(ClientFixture.id(1), null, NotableEventKind.FOUNDING_ANNIVERSARY, "Основание компании",
                LocalDate.of(1998, 3, 10), true, null);
        events.record(ClientFixture.id(1), ClientFixture.contactId(1, 1), NotableEventKind.BIRTHDAY,
                "День рождения директора", LocalDate.of(1975, 3, 2), true, "звонить до 11:00");
        events.record(ClientFixture.id(2), null, NotableEventKind.STAFF_CHANGE, "Новый главный бухгалтер",
                LocalDate.of(2026, 2, 20), false, null);

        List<KeyDate> coming = events.upcoming(LocalDate.of(2026, 3, 1), 14);

        assertThat(coming).extracting(k -> k.on() + " " + k.event().title()).containsExactly(
                "2026-03-02 День рождения директора", "2026-03-10 Основание компании");
    }

    @Test
    @DisplayName("29 February falls on 28 February in a year without it, and on the 29th in a leap year")
    void leapDay() {
        NotableEvents events = events();
        events.record(ClientFixture.id(1), null, NotableEventKind.BIRTHDAY, "Високосный", LocalDate.of(1976, 2, 29),
                true, null);

        assertThat(events.upcoming(LocalDate.of(2027, 2, 28), 1)).extracting(KeyDate::on)
                .containsExactly(LocalDate.of(2027, 2, 28));
        assertThat(events.upcoming(LocalDate.of(2028, 2, 28), 2)).extracting(KeyDate::on)
                .containsExactly(LocalDate.of(2028, 2, 29));
    }

    @Test
    @DisplayName("a window over New Year finds December and January dates; a window is 1 to 366 days")
    void overNewYear() {
        NotableEvents events = events();
        events.record(ClientFixture.id(1), null, NotableEventKind.OTHER, "Декабрь", LocalDate.of(2000, 12, 30), true,
                null);
        events.record(ClientFixture.id(1), null, NotableEventKind.OTHER, "Январь", LocalDate.of(2000, 1, 3), true,
                null);

        assertThat(events.upcoming(LocalDate.of(2026, 12, 25), 14)).extracting(KeyDate::on)
                .containsExactly(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 3));
        assertThatThrownBy(() -> events.upcoming(LocalDate.of(2026, 1, 1), 367))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("days"));
    }

    @Property(tries = 300)
    @Label("upcoming finds exactly the days on which some event falls, as a day-by-day search does")
    void upcomingAgreesWithADayByDaySearch(@ForAll @IntRange(min = 0, max = 30000) int fromOffset,
                                          @ForAll @IntRange(min = 1, max = 366) int days,
                                          @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 30000) Integer> dates,
                                          @ForAll @Size(max = 12) List<Boolean> yearly) {
        NotableEvents events = events();
        List<NotableEvent> recorded = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            boolean isYearly = i < yearly.size() && yearly.get(i);
            recorded.add(events.record(ClientFixture.id(i), null, NotableEventKind.OTHER, "Событие " + i,
                    EPOCH.plusDays(dates.get(i)), isYearly, null));
        }
        LocalDate from = EPOCH.plusDays(fromOffset);

        List<String> expected = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            for (NotableEvent event : recorded) {
                if (day.equals(event.occurrenceIn(day.getYear()))) {
                    expected.add(day + " " + event.id());
                }
            }
        }

        assertThat(events.upcoming(from, days)).extracting(k -> k.on() + " " + k.event().id())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
