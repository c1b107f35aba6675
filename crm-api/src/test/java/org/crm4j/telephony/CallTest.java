package org.crm4j.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.ValidationException;
import org.crm4j.tck.Refusals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallTest {
    private static final Instant T0 = Instant.parse("2026-05-12T07:00:00Z");
    private static final EmployeeId OLGA = EmployeeId.of("olga");
    private static final EmployeeId IVAN = EmployeeId.of("ivan");

    private static CallEvent event(CallEventKind kind, long seconds) {
        EmployeeId agent = kind == CallEventKind.TRANSFERRED ? IVAN : OLGA;
        return CallEvent.of(kind, "pbx-1", "sales", "8 (495) 123-45-67", agent, T0.plusSeconds(seconds));
    }

    @Test
    @DisplayName("an event names every bad field: a blank call id, a line too long, a blank number")
    void badEvents() {
        ValidationException e = Refusals.refusal(() -> new CallEvent.Offered(" ", "x".repeat(65), "  ", T0));

        assertThat(e.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("callId", "line", "number");
        assertThatThrownBy(() -> new CallEvent.Answered("pbx-1", "sales", null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThat(new CallEvent.Ended(" pbx-1 ", " sales ", T0).callId()).isEqualTo("pbx-1");
        assertThat(Refusals.accepts(() -> new CallEvent.Missed("p".repeat(200), "l".repeat(64), T0))).isTrue();
    }

    @Test
    @DisplayName("a call answered after 7 s and ended after 95 s waited 7 s and talked 88 s")
    void answered() {
        Call call = Call.start(event(CallEventKind.OFFERED, 0)).apply(event(CallEventKind.ANSWERED, 7))
                .apply(event(CallEventKind.ENDED, 95));

        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.waiting()).contains(Duration.ofSeconds(7));
        assertThat(call.talk()).isEqualTo(Duration.ofSeconds(88));
        assertThat(call.agent()).isEqualTo(OLGA);
        assertThat(call.apply(event(CallEventKind.ENDED, 500))).isSameAs(call);
    }

    @Test
    @DisplayName("a call missed after 40 s is abandoned, waited 40 s and talked nothing; a ringing call has no wait")
    void abandoned() {
        Call ringing = Call.start(event(CallEventKind.OFFERED, 0));
        Call missed = ringing.apply(event(CallEventKind.MISSED, 40));

        assertThat(ringing.waiting()).isEmpty();
        assertThat(missed.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(missed.waiting()).contains(Duration.ofSeconds(40));
        assertThat(missed.talk()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> missed.apply(new CallEvent.Ended("pbx-2", "sales", T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The call is the same whatever order its events come in, and however often each is repeated. */
    @Property
    void orderDoesNotMatter(@ForAll @Size(min = 1, max = 5) @UniqueElements List<CallEventKind> kinds,
                            @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<CallEvent> events = new ArrayList<>();
        for (CallEventKind kind : kinds) {
            events.add(event(kind, kind.ordinal() * 10L));
        }
        Call inOrder = fold(events);
        List<CallEvent> shuffled = new ArrayList<>(events);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        shuffled.addAll(events);

        assertThat(fold(shuffled)).isEqualTo(inOrder);
        assertThat(inOrder.seen()).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(inOrder.offeredAt()).isEqualTo(T0.plusSeconds(kinds.stream().mapToLong(k -> k.ordinal() * 10L)
                .min().orElseThrow()));
    }

    private static Call fold(List<CallEvent> events) {
        Call call = Call.start(events.get(0));
        for (CallEvent e : events.subList(1, events.size())) {
            call = call.apply(e);
        }
        return call;
    }

    @Test
    @DisplayName("the share under each convention for 7 answered (5 in time) and 3 abandoned (1 short, 2 in time)")
    void conventions() {
        ServiceLevelCounts counts = new ServiceLevelCounts(7, 5, 3, 2, 1, 70_000, 60_000);
        Instant from = T0;
        Instant to = T0.plusSeconds(3600);

        assertThat(share(counts, AbandonedCalls.EXCLUDED)).isEqualByComparingTo("0.7143");
        assertThat(share(counts, AbandonedCalls.COUNTED)).isEqualByComparingTo("0.5");
        assertThat(share(counts, AbandonedCalls.SHORT_EXCLUDED)).isEqualByComparingTo("0.5556");
        assertThat(share(counts, AbandonedCalls.WITHIN_THRESHOLD_MET)).isEqualByComparingTo("0.7");
        ServiceLevel none = new ServiceLevel("sales", from, to, Duration.ofSeconds(20), AbandonedCalls.COUNTED,
                Duration.ofSeconds(5), ServiceLevelCounts.NONE);
        assertThat(none.share()).isEmpty();
        assertThat(none.meets(new BigDecimal("0.8"))).isTrue();
        assertThat(none.abandonRate()).isEmpty();
        assertThatThrownBy(() -> new ServiceLevelCounts(1, 2, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BigDecimal share(ServiceLevelCounts counts, AbandonedCalls convention) {
        return new ServiceLevel("sales", T0, T0.plusSeconds(3600), Duration.ofSeconds(20), convention,
                Duration.ofSeconds(5), counts).share().orElseThrow();
    }
}
