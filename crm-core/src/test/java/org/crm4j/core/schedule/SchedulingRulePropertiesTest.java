package org.crm4j.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.crm4j.client.ClientCard;
import org.crm4j.core.json.RulesJson;
import org.crm4j.client.ClientRelation;
import org.crm4j.tck.ClientFixture;

class SchedulingRulePropertiesTest {
    private static final ClientCard CARD = ClientFixture.organisation(1);
    private static final Condition.ClientStanding NONE = (card, currency) -> Optional.empty();

    @Property
    void aTextWithoutBracesFillsToItself(@ForAll @StringLength(max = 200) String text) {
        String plain = text.replace("{", "").replace("}", "");
        assertThat(new MessageText(plain).fill(Map.of("client", "x"))).isEqualTo(plain);
    }

    @Property
    void valuesAreInsertedVerbatimNeverReadAsPlaceholders(@ForAll @StringLength(max = 100) String value) {
        assertThat(new MessageText("<{client}>").fill(Map.of("client", value))).isEqualTo("<" + value + ">");
    }

    @Property
    void doubledBracesAreLiteral(@ForAll @StringLength(max = 50) String text) {
        String plain = text.replace("{", "").replace("}", "");
        assertThat(new MessageText("{{" + plain + "}}").fill(Map.of())).isEqualTo("{" + plain + "}");
    }

    @Property
    void notNotIsTheConditionItself(@ForAll("conditions") Condition c) {
        assertThat(new Condition.Not(new Condition.Not(c)).test(CARD, null, NONE)).isEqualTo(c.test(CARD, null, NONE));
    }

    @Property
    void deMorgan(@ForAll("conditions") Condition a, @ForAll("conditions") Condition b) {
        boolean notAny = new Condition.Not(new Condition.AnyOf(List.of(a, b))).test(CARD, null, NONE);
        boolean allNot = new Condition.AllOf(List.of(new Condition.Not(a), new Condition.Not(b))).test(CARD, null, NONE);
        assertThat(notAny).isEqualTo(allNot);
    }

    @Property
    void rulesSurviveJson(@ForAll("conditions") Condition condition, @ForAll @IntRange(min = 1, max = 1000) int days) {
        SchedulingRule rule = new SchedulingRule("r", "R", new Trigger.Idle(days), condition,
                List.of(RuleAction.Notify.of("email", "{client}", "")));
        assertThat(RulesJson.read(RulesJson.write(List.of(rule)))).containsExactly(rule);
    }

    @Property(tries = 200)
    void recurrencesFallInTheirWindowInOrder(@ForAll @IntRange(min = 0, max = 3000) int startDay,
                                             @ForAll @IntRange(min = 1, max = 400) int windowDays,
                                             @ForAll("rrules") String rrule, @ForAll("zones") ZoneId zone) {
        Trigger.Recurrence r = new Trigger.Recurrence(rrule, LocalDateTime.parse("2020-01-01T09:00"));
        long after = LocalDateTime.parse("2020-01-01T00:00").plusDays(startDay).atZone(zone).toInstant()
                .toEpochMilli();
        long until = after + Duration.ofDays(windowDays).toMillis();
        long[] occurrences = r.occurrences(zone, after, until);
        for (int i = 0; i < occurrences.length; i++) {
            assertThat(occurrences[i]).isGreaterThan(after).isLessThanOrEqualTo(until);
            if (i > 0) {
                assertThat(occurrences[i]).isGreaterThan(occurrences[i - 1]);
            }
        }
        long[] split = r.occurrences(zone, after, after + (until - after) / 2);
        long[] rest = r.occurrences(zone, after + (until - after) / 2, until);
        assertThat(split.length + rest.length).isEqualTo(occurrences.length);
    }

    @Provide
    Arbitrary<String> rrules() {
        return Arbitraries.of("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=MONTHLY;BYDAY=1MO",
                "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=DAILY;INTERVAL=3;COUNT=50");
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "America/New_York",
                "Pacific/Apia", "UTC").map(ZoneId::of);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        Arbitrary<Condition> leaves = Arbitraries.oneOf(
                Arbitraries.of("msk", "spb", "retail", "oil").map(Condition.InSegment::new),
                Arbitraries.of("vip", "wholesale", "blocked").map(Condition.HasTag::new),
                Arbitraries.of(ClientRelation.class).set().ofMinSize(1).ofMaxSize(3).map(Condition.OfRelation::new));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.map(Condition.Not::new),
                inner.list().ofMinSize(1).ofMaxSize(3).map(Condition.AnyOf::new),
                inner.list().ofMaxSize(3).map(Condition.AllOf::new),
                Combinators.combine(inner, inner).as((a, b) -> (Condition) new Condition.AllOf(List.of(a, b)))),
                0, 3);
    }
}
