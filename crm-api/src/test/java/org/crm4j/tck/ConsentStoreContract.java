package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.crm4j.client.ContactPersonId;
import org.crm4j.common.DuplicateException;
import org.crm4j.consent.Consent;
import org.crm4j.consent.ConsentId;
import org.crm4j.consent.ConsentPurpose;
import org.crm4j.consent.ConsentStore;
import org.crm4j.consent.ContactMechanism;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ConsentStore} must keep; an adapter extends this class and returns an empty store
 * from {@link #emptyStore()}.
 */
public abstract class ConsentStoreContract {

    /** A store with no consents; called before every test. */
    protected abstract ConsentStore emptyStore();

    protected ConsentStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** Consent record {@code n} of client {@code client}, given or withdrawn {@code minutes} after T0. */
    public static Consent consent(int n, long client, @Nullable ContactPersonId contact, ContactMechanism mechanism,
                                  String address, ConsentPurpose purpose, boolean granted, long minutes) {
        return new Consent(ConsentId.of(new UUID(0x0190000000007700L, n)), ClientFixture.id(client), contact,
                mechanism, address, purpose, granted, ClientFixture.later(minutes),
                granted ? "web-form" : "unsubscribe link");
    }

    private static Consent email(int n, long client, boolean granted, long minutes) {
        return consent(n, client, null, ContactMechanism.EMAIL, "Info@Example.RU", ConsentPurpose.MARKETING, granted,
                minutes);
    }

    @Test
    @DisplayName("a stored consent comes back equal, its address normalised")
    void roundTrip() {
        Consent stored = store.insert(consent(1, 1, ClientFixture.contactId(1, 1), ContactMechanism.SMS,
                "+79161234567", ConsentPurpose.SERVICE, true, 5));

        assertThat(store.findByClient(ClientFixture.id(1))).containsExactly(stored);
        assertThat(store.current(ClientFixture.id(1), ContactMechanism.SMS, "+79161234567", ConsentPurpose.SERVICE))
                .contains(stored);
        assertThat(email(2, 1, true, 0).address()).isEqualTo("info@example.ru");
    }

    @Test
    @DisplayName("the current consent is the latest; a withdrawal at the same moment prevails over a grant")
    void latestWins() {
        Consent granted = store.insert(email(1, 1, true, 0));
        Consent withdrawn = store.insert(email(2, 1, false, 10));
        store.insert(email(3, 1, true, 5));

        assertThat(store.current(ClientFixture.id(1), ContactMechanism.EMAIL, "info@example.ru",
                ConsentPurpose.MARKETING)).contains(withdrawn);

        Consent again = store.insert(email(4, 1, true, 20));
        Consent tie = store.insert(email(5, 1, false, 20));
        assertThat(store.current(ClientFixture.id(1), ContactMechanism.EMAIL, "info@example.ru",
                ConsentPurpose.MARKETING)).contains(tie);
        assertThat(store.findByClient(ClientFixture.id(1))).hasSize(5).startsWith(granted).endsWith(again, tie);
    }

    @Test
    @DisplayName("consents of another purpose, mechanism, address or client do not count")
    void separate() {
        store.insert(email(1, 1, true, 0));
        store.insert(consent(2, 2, null, ContactMechanism.EMAIL, "info@example.ru", ConsentPurpose.MARKETING, false,
                1));

        assertThat(store.current(ClientFixture.id(1), ContactMechanism.EMAIL, "info@example.ru",
                ConsentPurpose.SERVICE)).isEmpty();
        assertThat(store.current(ClientFixture.id(1), ContactMechanism.EMAIL, "sales@example.ru",
                ConsentPurpose.MARKETING)).isEmpty();
        assertThat(store.current(ClientFixture.id(1), ContactMechanism.SMS, "info@example.ru",
                ConsentPurpose.MARKETING)).isEmpty();
        assertThat(store.current(ClientFixture.id(1), ContactMechanism.EMAIL, "info@example.ru",
                ConsentPurpose.MARKETING)).get().extracting(Consent::granted).isEqualTo(true);
        assertThat(store.findByClient(ClientFixture.id(3))).isEmpty();
    }

    @Test
    @DisplayName("a taken id is refused and the history keeps the first record")
    void duplicate() {
        Consent first = store.insert(email(1, 1, true, 0));

        assertThatThrownBy(() -> store.insert(email(1, 1, false, 5)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(store.findByClient(ClientFixture.id(1))).containsExactly(first);
    }
}
