package org.crm4j.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.crm4j.core.template.SendReport.Status;
import org.crm4j.notification.Notification;
import org.crm4j.template.MessageTemplate;
import org.crm4j.template.TemplateText;

/** Whatever the history of grants and withdrawals, marketing goes out exactly when the latest record is a grant. */
class MarketingConsentPropertiesTest {

    /**
     * One step of a history.
     *
     * @param purpose  which purpose the record is about
     * @param granted  a grant or a withdrawal
     * @param minutes  how long after the previous step it happens (0: the same moment)
     */
    record Step(ConsentPurpose purpose, boolean granted, int minutes) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(ConsentPurpose.class), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2)).as(Step::new);
        return step.list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void marketingOnlyWithACurrentGrant(@ForAll("histories") List<Step> history) {
        SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
        List<Notification> delivered = new ArrayList<>();
        Crm crm = Crm.builder().clock(clock).notifier(delivered::add).build();
        ClientCard card = crm.clients().register(ClientForm.organisation("Альфа").email("a@alfa.ru").build());
        crm.mailing().saveTemplate(MessageTemplate.of("news", ConsentPurpose.MARKETING,
                TemplateText.of("Новости", "Для {client.name}"), null));
        Boolean latestMarketing = null;
        Instant latestMarketingAt = null;
        for (Step s : history) {
            clock.advance(Duration.ofMinutes(s.minutes()));
            if (s.granted()) {
                crm.consents().grant(card.id(), null, ContactMechanism.EMAIL, "a@alfa.ru", s.purpose(), "form");
            } else {
                crm.consents().withdraw(card.id(), null, ContactMechanism.EMAIL, "a@alfa.ru", s.purpose(), "link");
            }
            if (s.purpose() == ConsentPurpose.MARKETING) {
                // at the same moment as the previous marketing record, a withdrawal prevails
                boolean sameMoment = clock.instant().equals(latestMarketingAt);
                latestMarketing = sameMoment ? latestMarketing && s.granted() : s.granted();
                latestMarketingAt = clock.instant();
            }
        }

        SendReport report = crm.mailing().send(Sending.of("k", "news", card.id(), null, ContactMechanism.EMAIL));

        boolean allowed = Boolean.TRUE.equals(latestMarketing);
        assertThat(report.outcomes().get(0).status()).isEqualTo(allowed ? Status.SENT : Status.REFUSED);
        assertThat(delivered).hasSize(allowed ? 1 : 0);
        assertThat(crm.interactions().history(card.id(), 10)).hasSize(allowed ? 1 : 0);
    }
}
