package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.telephony.Call;
import org.crm4j.telephony.CallEvent;
import org.crm4j.telephony.CallEventKind;
import org.crm4j.telephony.CallNotFoundException;
import org.crm4j.telephony.CallOutcome;
import org.crm4j.telephony.CallStore;
import org.crm4j.telephony.ServiceLevelCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CallStore} must keep; an adapter extends this class and returns an empty store from
 * {@link #emptyStore()}.
 */
public abstract class CallStoreContract {
    private static final Duration TWENTY_S = Duration.ofSeconds(20);
    private static final Duration FIVE_S = Duration.ofSeconds(5);
    private static final EmployeeId OLGA = EmployeeId.of("olga");

    /** A store with no calls; called before every test. */
    protected abstract CallStore emptyStore();

    protected CallStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** A moment {@code seconds} after the fixture's time. */
    static Instant at(long seconds) {
        return ClientFixture.T0.plusSeconds(seconds);
    }

    /** A call on {@code line} offered at {@code offered} seconds, answered after {@code wait} seconds, ended. */
    static Call answered(String id, String line, long offered, long wait) {
        return Call.start(new CallEvent.Offered(id, line, "8 (495) 123-45-67", at(offered)))
                .apply(new CallEvent.Answered(id, line, OLGA, at(offered + wait)))
                .apply(new CallEvent.Ended(id, line, at(offered + wait + 120)));
    }

    /** A call on {@code line} offered at {@code offered} seconds whose caller hung up after {@code wait} seconds. */
    static Call abandoned(String id, String line, long offered, long wait) {
        return Call.start(new CallEvent.Offered(id, line, "+7 495 123 45 67", at(offered)))
                .apply(new CallEvent.Missed(id, line, at(offered + wait)));
    }

    @Test
    @DisplayName("a saved call comes back equal, with its version increased, identified or not")
    void roundTrip() {
        Call ringing = Call.start(new CallEvent.Offered("pbx-1", "sales", "8 (495) 123-45-67", at(0)))
                .identified(ClientFixture.id(1), ClientFixture.contactId(1, 1));
        Call stored = store.save(ringing);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.findById("pbx-1")).contains(stored);
        assertThat(stored.seen()).containsExactly(CallEventKind.OFFERED);
        assertThat(store.findById("pbx-2")).isEmpty();

        Call done = store.save(stored.apply(new CallEvent.Answered("pbx-1", "sales", OLGA, at(7)))
                .apply(new CallEvent.Transferred("pbx-1", "sales", EmployeeId.of("ivan"), at(30)))
                .apply(new CallEvent.Ended("pbx-1", "sales", at(95))));
        assertThat(done.version()).isEqualTo(2);
        assertThat(store.findById("pbx-1")).contains(done);
        assertThat(done.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(done.agent()).isEqualTo(EmployeeId.of("ivan"));
        assertThat(done.waiting()).contains(Duration.ofSeconds(7));
        assertThat(done.talk()).isEqualTo(Duration.ofSeconds(88));
    }

    @Test
    @DisplayName("a taken call id, a stale version and an update of nothing are refused and change nothing")
    void refusals() {
        Call first = store.save(abandoned("pbx-1", "sales", 0, 10));

        assertThatThrownBy(() -> store.save(abandoned("pbx-1", "sales", 5, 3)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        Call second = store.save(first.identified(ClientFixture.id(3), null));
        assertThatThrownBy(() -> store.save(first.identified(ClientFixture.id(4), null)))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> store.save(answered("pbx-9", "sales", 0, 1).withVersion(3)))
                .isInstanceOf(CallNotFoundException.class);

        assertThat(store.findById("pbx-1")).contains(second);
        assertThat(store.findById("pbx-9")).isEmpty();
    }

    @Test
    @DisplayName("the service level counts calls of one line offered in the period, by their waiting")
    void serviceLevel() {
        store.save(answered("a1", "sales", 0, 5));
        store.save(answered("a2", "sales", 60, 20));
        store.save(answered("a3", "sales", 120, 21));
        store.save(abandoned("b1", "sales", 180, 3));
        store.save(abandoned("b2", "sales", 240, 15));
        store.save(abandoned("b3", "sales", 300, 40));
        store.save(Call.start(new CallEvent.Offered("r1", "sales", "100", at(310))));
        store.save(answered("x1", "support", 30, 1));
        store.save(answered("early", "sales", -1, 1));
        store.save(answered("late", "sales", 3600, 1));

        ServiceLevelCounts counts = store.countServiceLevel("sales", at(0), at(3600), TWENTY_S, FIVE_S);

        assertThat(counts).isEqualTo(new ServiceLevelCounts(3, 2, 3, 2, 1, 46_000, 58_000));
        assertThat(store.countServiceLevel("hotline", at(0), at(3600), TWENTY_S, FIVE_S))
                .isEqualTo(ServiceLevelCounts.NONE);
    }

    @Test
    @DisplayName("a call still talking counts as answered; out-of-order events give the same call")
    void talkingAndOrder() {
        Call talking = Call.start(new CallEvent.Answered("t1", "sales", OLGA, at(12)))
                .apply(new CallEvent.Offered("t1", "sales", "8 800 555 35 35", at(2)));
        store.save(talking);

        assertThat(talking.outcome()).isEqualTo(CallOutcome.TALKING);
        assertThat(talking.offeredAt()).isEqualTo(at(2));
        assertThat(talking.seen()).isEqualTo(Set.of(CallEventKind.OFFERED, CallEventKind.ANSWERED));
        assertThat(store.countServiceLevel("sales", at(0), at(60), TWENTY_S, FIVE_S))
                .isEqualTo(new ServiceLevelCounts(1, 1, 0, 0, 0, 10_000, 0));
    }
}
