package org.crm4j.core.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientRelation;
import org.crm4j.client.ContactForm;
import org.crm4j.client.ContactPerson;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.Money;
import org.crm4j.common.ValidationException;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.deal.NewDeal;
import org.crm4j.interaction.Channel;
import org.crm4j.interaction.Direction;
import org.crm4j.interaction.Interaction;
import org.crm4j.interaction.InteractionId;
import org.crm4j.keydate.NotableEventKind;
import org.crm4j.notification.Notification;
import org.crm4j.task.Task;
import org.crm4j.task.TaskKind;
import org.crm4j.telephony.AbandonedCalls;
import org.crm4j.telephony.CallEvent;
import org.crm4j.telephony.CallNotFoundException;
import org.crm4j.telephony.CallOutcome;
import org.crm4j.telephony.Identification;
import org.crm4j.telephony.ServiceLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TelephonyTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-05-12T07:00:00Z");
    private static final EmployeeId MARINA = EmployeeId.of("marina");
    private static final EmployeeId OLEG = EmployeeId.of("oleg");

    private final SettableClock clock = SettableClock.at(NOW, MOSCOW);
    private final List<Notification> screen = new CopyOnWriteArrayList<>();
    private final Crm crm = Crm.builder().clock(clock).zone(MOSCOW).notifier(screen::add).build();

    /** Seed 002's bank: a client who faxed a mortgage application, whose son turns 17 next week. */
    private ClientCard bankClient() {
        ClientCard card = crm.clients().register(ClientForm.person("Петров", "Иван", "Сергеевич")
                        .phone("+7 916 123-45-67").build(),
                List.of(ContactForm.of("Петрова", "Анна", "Ивановна").position("супруга").phone("8 903 765 43 21")
                        .build()));
        card = crm.clients().assignManager(card.id(), MARINA, null, "private banking");
        crm.interactions().record(Interaction.builder().id(InteractionId.of(new java.util.UUID(5, 1)))
                .type("materials").direction(Direction.INBOUND).channel(Channel.OTHER)
                .at(NOW.minus(Duration.ofDays(2))).client(card.id())
                .subject("Заявление на ипотечный кредит по факсу").recordedAt(NOW).build());
        crm.interactions().record(Interaction.builder().id(InteractionId.of(new java.util.UUID(5, 2)))
                .type("proposal").direction(Direction.OUTBOUND).channel(Channel.POST)
                .at(NOW.minus(Duration.ofDays(30))).client(card.id())
                .subject("Кредит на обучение детей").recordedAt(NOW).build());
        crm.deals().create(NewDeal.of(card.id(), Money.of("9000000", "RUB"), MARINA));
        crm.notableEvents().record(card.id(), null, NotableEventKind.BIRTHDAY, "Сыну исполняется 17 лет",
                LocalDate.of(2009, 5, 18), true, "поступает в университет");
        return card;
    }

    private CallEvent.Offered offered(String id, String number) {
        return new CallEvent.Offered(id, "private", number, clock.instant());
    }

    @Test
    @DisplayName("the bank's client calls: the manager sees the name, the faxed application, the open deal and the son's birthday")
    void bankScreenPop() {
        ClientCard client = bankClient();

        Telephony.Handled handled = crm.telephony().on(offered("c-1", "8 (916) 123-45-67"));

        assertThat(handled.identification().kind()).isEqualTo(Identification.Kind.CARD);
        assertThat(handled.call().client()).isEqualTo(client.id());
        assertThat(screen).hasSize(1);
        Notification pop = screen.get(0);
        assertThat(pop.channel()).isEqualTo("screen");
        assertThat(pop.recipient()).isEqualTo("marina");
        assertThat(pop.key()).isEqualTo("call:c-1:screen:marina");
        assertThat(pop.subject()).contains("Петров Иван Сергеевич");
        assertThat(pop.body()).contains("Заявление на ипотечный кредит по факсу", "Open deal",
                "Key date 2026-05-18: Сыну исполняется 17 лет", "Offer: Кредит на обучение детей");
        assertThat(handled.screenPop().openDeals()).hasSize(1);
    }

    @Test
    @DisplayName("a call from a contact person's phone names the contact person")
    void contactPerson() {
        ClientCard client = bankClient();
        ContactPerson wife = client.contactPersons().get(0);

        Telephony.Handled handled = crm.telephony().on(offered("c-2", "+79037654321"));

        assertThat(handled.identification().kind()).isEqualTo(Identification.Kind.CONTACT);
        assertThat(handled.call().contact()).isEqualTo(wife.id());
        assertThat(screen.get(0).body()).contains("Contact: Петрова Анна Ивановна, супруга");
    }

    @Test
    @DisplayName("the PBX repeating events changes nothing: one pop, one interaction, one call-back")
    void idempotent() {
        ClientCard client = bankClient();
        CallEvent offered = offered("c-3", "89161234567");
        crm.telephony().on(offered);
        clock.advance(Duration.ofSeconds(40));
        CallEvent missed = new CallEvent.Missed("c-3", "private", clock.instant());

        Telephony.Handled first = crm.telephony().on(missed);
        Telephony.Handled again = crm.telephony().on(missed);
        Telephony.Handled offeredAgain = crm.telephony().on(offered);

        assertThat(first.applied()).isTrue();
        assertThat(again.applied()).isFalse();
        assertThat(offeredAgain.applied()).isFalse();
        assertThat(again.call()).isEqualTo(first.call());
        assertThat(screen).hasSize(1);
        assertThat(first.call().outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(first.interaction().externalId()).isEqualTo("c-3");
        assertThat(first.interaction().result()).contains("40 s");
        assertThat(crm.interactions().history(client.id(), 10)).filteredOn(i -> "c-3".equals(i.externalId()))
                .hasSize(1);
        Task callBack = first.callBack();
        assertThat(callBack.kind()).isEqualTo(TaskKind.CALL);
        assertThat(callBack.responsible()).isEqualTo(MARINA);
        assertThat(callBack.due()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(crm.tasks().ofClient(client.id(), 10)).filteredOn(t -> t.kind() == TaskKind.CALL).hasSize(1);
    }

    @Test
    @DisplayName("an answered call is recorded once with its talk time, the waiting time and the agent")
    void answeredCall() {
        ClientCard client = bankClient();
        crm.telephony().on(offered("c-4", "+7 916 123 45 67"));
        clock.advance(Duration.ofSeconds(7));
        Telephony.Handled answered = crm.telephony().on(new CallEvent.Answered("c-4", "private", OLEG,
                clock.instant()));
        clock.advance(Duration.ofSeconds(88));
        Telephony.Handled ended = crm.telephony().on(new CallEvent.Ended("c-4", "private", clock.instant()));

        assertThat(screen).extracting(Notification::recipient).containsExactly("marina", "oleg");
        assertThat(answered.screenPop().client().id()).isEqualTo(client.id());
        Interaction call = ended.interaction();
        assertThat(call.duration()).isEqualTo(Duration.ofSeconds(88));
        assertThat(call.manager()).isEqualTo(OLEG);
        assertThat(call.result()).isEqualTo("answered after 7 s, talked 1 min 28 s");
        assertThat(ended.callBack()).isNull();
        assertThat(crm.telephony().find("c-4")).contains(ended.call());
    }

    @Test
    @DisplayName("several cards with the number are ranked: a customer with a manager before a prospect")
    void ranking() {
        crm.clients().register(ClientForm.organisation("ООО Лиды").relation(ClientRelation.PROSPECT)
                .phone("+7 495 100-00-01").build());
        ClientCard customer = crm.clients().register(ClientForm.organisation("АО Клиент")
                .phone("+7 495 100-00-01").build());
        crm.clients().assignManager(customer.id(), MARINA, null, null);

        Identification who = crm.telephony().on(offered("c-5", "8 495 100 00 01")).identification();

        assertThat(who.kind()).isEqualTo(Identification.Kind.CANDIDATES);
        assertThat(who.candidates()).extracting(m -> m.client().name()).containsExactly("АО Клиент", "ООО Лиды");
        assertThat(screen.get(0).body()).contains("The number is also on: ООО Лиды");
    }

    @Test
    @DisplayName("an unknown caller reaches the answering agent and becomes a lead in one call")
    void unknownBecomesLead() {
        Telephony.Handled offered = crm.telephony().on(offered("c-6", "+7 (812) 555-12-34"));
        crm.telephony().on(new CallEvent.Answered("c-6", "private", OLEG, clock.instant().plusSeconds(3)));

        assertThat(offered.identification().kind()).isEqualTo(Identification.Kind.UNKNOWN);
        assertThat(screen).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("oleg");
            assertThat(n.subject()).contains("unknown number +78125551234");
        });

        ClientCard lead = crm.telephony().newLead("c-6", "Сидоров");
        ClientCard again = crm.telephony().newLead("c-6", "Сидоров");
        crm.telephony().on(new CallEvent.Ended("c-6", "private", clock.instant().plusSeconds(60)));

        assertThat(again.id()).isEqualTo(lead.id());
        assertThat(lead.relation()).isEqualTo(ClientRelation.PROSPECT);
        assertThat(lead.responsibleManager()).contains(OLEG);
        assertThat(crm.clients().findByPhone("8 812 555 12 34")).extracting(m -> m.client().id())
                .containsExactly(lead.id());
        assertThat(crm.interactions().history(lead.id(), 5)).singleElement()
                .satisfies(i -> assertThat(i.externalId()).isEqualTo("c-6"));
        assertThatThrownBy(() -> crm.telephony().newLead("nope", "X")).isInstanceOf(CallNotFoundException.class);
    }

    @Test
    @DisplayName("a hidden number is unknown and cannot become a lead; a missed unknown call asks for nothing")
    void hiddenNumber() {
        Telephony.Handled handled = crm.telephony().on(offered("c-7", "anonymous"));
        Telephony.Handled missed = crm.telephony().on(new CallEvent.Missed("c-7", "private",
                clock.instant().plusSeconds(9)));

        assertThat(handled.identification().number()).isNull();
        assertThat(missed.interaction()).isNull();
        assertThat(missed.callBack()).isNull();
        assertThatThrownBy(() -> crm.telephony().newLead("c-7", "Кто-то")).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("80% within 20 s is measured per line under each convention for abandoned calls")
    void serviceLevel() {
        Instant start = clock.instant();
        long[] answerWaits = {3, 8, 12, 19, 20, 25, 30};
        int n = 0;
        for (long wait : answerWaits) {
            String id = "s-" + n++;
            crm.telephony().on(new CallEvent.Offered(id, "sales", "100", start.plusSeconds(n * 100L)));
            crm.telephony().on(new CallEvent.Answered(id, "sales", OLEG, start.plusSeconds(n * 100L + wait)));
            crm.telephony().on(new CallEvent.Ended(id, "sales", start.plusSeconds(n * 100L + wait + 60)));
        }
        for (long wait : new long[] {2, 15, 45}) {
            String id = "s-" + n++;
            crm.telephony().on(new CallEvent.Offered(id, "sales", "100", start.plusSeconds(n * 100L)));
            crm.telephony().on(new CallEvent.Missed(id, "sales", start.plusSeconds(n * 100L + wait)));
        }
        Instant end = start.plus(Duration.ofHours(1));
        Duration twenty = Duration.ofSeconds(20);

        ServiceLevel excluded = crm.telephony().serviceLevel("sales", start, end, twenty, AbandonedCalls.EXCLUDED);
        ServiceLevel counted = crm.telephony().serviceLevel("sales", start, end, twenty, AbandonedCalls.COUNTED);
        ServiceLevel shortExcluded = crm.telephony().serviceLevel("sales", start, end, twenty,
                AbandonedCalls.SHORT_EXCLUDED);
        ServiceLevel withinMet = crm.telephony().serviceLevel("sales", start, end, twenty,
                AbandonedCalls.WITHIN_THRESHOLD_MET);

        assertThat(excluded.share()).contains(new BigDecimal("0.7143"));
        assertThat(counted.share()).contains(new BigDecimal("0.5000"));
        assertThat(shortExcluded.share()).contains(new BigDecimal("0.5556"));
        assertThat(withinMet.share()).contains(new BigDecimal("0.7000"));
        assertThat(excluded.meets(new BigDecimal("0.8"))).isFalse();
        assertThat(excluded.abandoned()).isEqualTo(3);
        assertThat(excluded.averageWait()).isEqualTo(Duration.ofMillis(117_000 / 7));
        assertThat(excluded.averageAbandonWait()).isEqualTo(Duration.ofMillis(62_000 / 3));
        assertThat(crm.telephony().serviceLevel("support", start, end, twenty, AbandonedCalls.COUNTED).share())
                .isEmpty();
        assertThatThrownBy(() -> crm.telephony().serviceLevel("sales", end, start, twenty, AbandonedCalls.COUNTED))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("the manager answering her client's call gets no second pop; a transfer hands the call to another agent")
    void managerAnswersThenTransfers() {
        bankClient();
        crm.telephony().on(offered("c-8", "+79161234567"));
        crm.telephony().on(new CallEvent.Answered("c-8", "private", MARINA, clock.instant().plusSeconds(4)));
        crm.telephony().on(new CallEvent.Transferred("c-8", "private", OLEG, clock.instant().plusSeconds(30)));
        Telephony.Handled ended = crm.telephony().on(new CallEvent.Ended("c-8", "private",
                clock.instant().plusSeconds(90)));

        assertThat(screen).extracting(Notification::recipient).containsExactly("marina");
        assertThat(ended.call().agent()).isEqualTo(OLEG);
        assertThat(ended.interaction().manager()).isEqualTo(OLEG);
        assertThat(ended.interaction().duration()).isEqualTo(Duration.ofSeconds(86));
    }

    @Test
    @DisplayName("telephony settings refuse what cannot work")
    void settings() {
        assertThatThrownBy(() -> new TelephonySettings("call-in", 21, 30, Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TelephonySettings("call-in", 5, 0, Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new TelephonySettings("call-in", 5, 30, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(ValidationException.class);
        assertThat(crm.telephony().settings()).isEqualTo(TelephonySettings.defaults());
    }
}
