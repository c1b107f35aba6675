package org.crm4j.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.crm4j.tck.ClientFixture;
import org.crm4j.tck.Refusals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentTest {
    private static Consent consent(ContactMechanism mechanism, String address, String source) {
        return new Consent(ConsentId.of(new UUID(7, 7)), ClientFixture.id(1), null, mechanism, address,
                ConsentPurpose.MARKETING, true, Instant.parse("2026-03-02T09:15:30.123456789Z"), source);
    }

    @Test
    @DisplayName("an e-mail address is kept in lower case, a phone in E.164, the time to the microsecond")
    void normalised() {
        Consent mail = consent(ContactMechanism.EMAIL, " Info@Roga.RU ", " web-form ");

        assertThat(mail.address()).isEqualTo("info@roga.ru");
        assertThat(mail.source()).isEqualTo("web-form");
        assertThat(mail.at()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123456Z"));
        assertThat(consent(ContactMechanism.SMS, "+79161234567", "form").address()).isEqualTo("+79161234567");
        assertThat(ContactMechanism.MESSENGER.channel()).isEqualTo("messenger");
        assertThat(ContactMechanism.EMAIL.usesPhone()).isFalse();
    }

    @Test
    @DisplayName("an address not of the mechanism, a blank or too long source are refused together")
    void refused() {
        assertThat(Refusals.refusal(() -> consent(ContactMechanism.SMS, "info@roga.ru", "")).violations())
                .extracting(v -> v.field() + " " + v.code())
                .containsExactly("address phone.e164", "source consent.source");
        Refusals.refused(() -> consent(ContactMechanism.EMAIL, "info@roga.ru", "s".repeat(201)), "source",
                "consent.source", "s".repeat(201));
        Refusals.refusal(() -> consent(ContactMechanism.EMAIL, "+79161234567", "form"));
        consent(ContactMechanism.EMAIL, "info@roga.ru", "s".repeat(200));
        assertThatThrownBy(() -> consent(null, "info@roga.ru", "form")).isInstanceOf(NullPointerException.class);
    }
}
