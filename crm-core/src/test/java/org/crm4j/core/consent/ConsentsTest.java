package org.crm4j.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.ValidationException;
import org.crm4j.common.Violation;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ContactMechanism;
import org.crm4j.core.Crm;
import org.crm4j.core.common.SettableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentsTest {
    private final SettableClock clock = SettableClock.at(Instant.parse("2026-04-01T07:00:00Z"));
    private final Crm crm = Crm.builder().clock(clock).build();
    private final ClientCard card = crm.clients().register(ClientForm.organisation("Альфа").build());

    @Test
    @DisplayName("grants and withdrawals are a history; the latest is the current consent")
    void history() {
        Consent granted = crm.consents().grant(card.id(), null, ContactMechanism.SMS, "8 (916) 123-45-67",
                ConsentPurpose.MARKETING, "web-form");
        clock.advance(Duration.ofDays(3));
        Consent withdrawn = crm.consents().withdraw(card.id(), null, ContactMechanism.SMS, "+79161234567",
                ConsentPurpose.MARKETING, "reply STOP");

        assertThat(granted.address()).isEqualTo("+79161234567");
        assertThat(granted.at()).isEqualTo(Instant.parse("2026-04-01T07:00:00Z"));
        assertThat(crm.consents().history(card.id())).containsExactly(granted, withdrawn);
        assertThat(crm.consents().current(card.id(), ContactMechanism.SMS, "+7 916 123 45 67",
                ConsentPurpose.MARKETING)).contains(withdrawn);
        assertThat(crm.consents().allows(card.id(), ContactMechanism.SMS, "+79161234567", ConsentPurpose.MARKETING))
                .isFalse();
        assertThat(crm.consents().allows(card.id(), ContactMechanism.SMS, "+79161234567", ConsentPurpose.SERVICE))
                .isTrue();
    }

    @Test
    @DisplayName("a bad address, a blank source, an unknown contact or client is refused and nothing is kept")
    void refused() {
        assertThatThrownBy(() -> crm.consents().grant(card.id(), null, ContactMechanism.EMAIL, "not-mail",
                ConsentPurpose.MARKETING, "web"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("address"));
        assertThatThrownBy(() -> crm.consents().grant(card.id(), null, ContactMechanism.EMAIL, "a@b.ru",
                ConsentPurpose.MARKETING, " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.consents().grant(card.id(), ContactPersonId.of(UUID.randomUUID()),
                ContactMechanism.EMAIL, "a@b.ru", ConsentPurpose.MARKETING, "web"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.consents().grant(ClientId.of(UUID.randomUUID()), null, ContactMechanism.EMAIL,
                "a@b.ru", ConsentPurpose.MARKETING, "web")).isInstanceOf(ClientNotFoundException.class);
        assertThat(crm.consents().history(card.id())).isEmpty();
    }
}
