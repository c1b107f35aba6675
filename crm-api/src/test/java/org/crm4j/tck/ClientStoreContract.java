package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.tck.ClientFixture.T0;
import static org.crm4j.tck.ClientFixture.later;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientId;
import org.crm4j.client.ClientNames;
import org.crm4j.client.ClientNotFoundException;
import org.crm4j.client.ClientStore;
import org.crm4j.client.ContactPerson;
import org.crm4j.client.ManagerAssignment;
import org.crm4j.client.Requisites;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.ContactEmail;
import org.crm4j.common.ContactPhone;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.Email;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.PhoneNumber;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.Kpp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ClientStore} must keep. An adapter proves itself by extending this class and
 * returning an empty store from {@link #emptyStore()}:
 *
 * <pre>{@code
 * class MyClientStoreTest extends ClientStoreContract {
 *     protected ClientStore emptyStore() { return new MyClientStore(freshSchema()); }
 * }
 * }</pre>
 *
 * Stores must keep instants to the microsecond at least; the fixture uses whole microseconds.
 */
public abstract class ClientStoreContract {

    /** A store with no cards in it; called before every test. */
    protected abstract ClientStore emptyStore();

    protected ClientStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    @Test
    @DisplayName("a saved card comes back equal, with version 1")
    void roundTripOfAFullCard() {
        ClientCard card = ClientFixture.organisation(1);

        ClientCard saved = store.save(card);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved).isEqualTo(card.toBuilder().version(1).build());
        assertThat(store.findById(card.id())).contains(saved);
    }

    @Test
    @DisplayName("a sole proprietor and a minimal card round-trip too")
    void roundTripOfOtherKinds() {
        ClientCard sole = store.save(ClientFixture.soleProprietor(2));
        ClientCard minimal = store.save(ClientFixture.minimal(3, "Альфа"));

        assertThat(store.findById(sole.id())).contains(sole);
        assertThat(store.findById(minimal.id())).contains(minimal);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown id finds nothing")
    void unknownId() {
        assertThat(store.findById(ClientFixture.id(404))).isEmpty();
        assertThat(store.exists(ClientFixture.id(404))).isFalse();
    }

    @Test
    @DisplayName("a stored card exists, and only it")
    void exists() {
        store.save(ClientFixture.organisation(1));

        assertThat(store.exists(ClientFixture.id(1))).isTrue();
        assertThat(store.exists(ClientFixture.id(2))).isFalse();
    }

    @Test
    @DisplayName("saving the current version replaces the card and increases the version")
    void updateIncreasesVersion() {
        ClientCard v1 = store.save(ClientFixture.organisation(1));

        ClientCard v2 = store.save(v1.toBuilder().name("Рога и копыта (новое имя)").updatedAt(later(5)).build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.findById(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("a save from a stale version is refused and changes nothing")
    void staleVersionRefused() {
        ClientCard v1 = store.save(ClientFixture.organisation(1));
        ClientCard v2 = store.save(v1.toBuilder().name("Second").build());

        assertThatThrownBy(() -> store.save(v1.toBuilder().name("Lost update").build()))
                .isInstanceOf(ConcurrentModificationException.class)
                .satisfies(e -> assertThat(((ConcurrentModificationException) e).expectedVersion()).isEqualTo(1));
        assertThat(store.findById(v1.id())).contains(v2);
    }

    @Test
    @DisplayName("a save of a version above 0 for a card never stored is 'not found'")
    void updateOfMissingCard() {
        ClientCard ghost = ClientFixture.organisation(1).toBuilder().version(3).build();

        assertThatThrownBy(() -> store.save(ghost)).isInstanceOf(ClientNotFoundException.class);
        assertThat(store.count()).isZero();
    }

    @Test
    @DisplayName("inserting a card with an id already stored is a duplicate")
    void duplicateId() {
        store.save(ClientFixture.organisation(1));
        ClientCard sameId = ClientFixture.minimal(2, "Другая").toBuilder().id(ClientFixture.id(1)).build();

        assertThatThrownBy(() -> store.save(sameId))
                .isInstanceOf(DuplicateException.class)
                .satisfies(e -> assertThat(((DuplicateException) e).key()).isEqualTo("id"));
    }

    @Test
    @DisplayName("two cards with the same INN and KPP are refused; a branch with another KPP is welcome")
    void innAndKppAreUnique() {
        ClientCard head = store.save(ClientFixture.organisation(1));
        Requisites same = head.requisites();
        ClientCard twin = ClientFixture.minimal(2, "Двойник").toBuilder().requisites(same).build();
        ClientCard branch = ClientFixture.minimal(3, "Филиал").toBuilder()
                .requisites(Requisites.organisation(same.inn(), Kpp.of(ValidNumbers.kpp(2)), null)).build();

        assertThatThrownBy(() -> store.save(twin))
                .isInstanceOf(DuplicateException.class)
                .satisfies(e -> assertThat(((DuplicateException) e).key()).isEqualTo("inn"));
        store.save(branch);

        assertThat(store.findByInn(same.inn())).extracting(ClientCard::id).containsExactly(head.id(), branch.id());
        assertThat(store.findById(twin.id())).isEmpty();
    }

    @Test
    @DisplayName("changing a card's INN to one another card has is refused")
    void innUniqueOnUpdate() {
        ClientCard a = store.save(ClientFixture.minimal(1, "A"));
        ClientCard b = store.save(ClientFixture.minimal(2, "B"));

        assertThatThrownBy(() -> store.save(b.toBuilder().requisites(a.requisites()).build()))
                .isInstanceOf(DuplicateException.class);
        assertThat(store.findById(b.id())).contains(b);
    }

    @Test
    @DisplayName("a caller is found by the card's own phone and by a contact person's phone")
    void findByPhone() {
        ClientCard card = store.save(ClientFixture.organisation(7));
        store.save(ClientFixture.organisation(8));

        assertThat(store.findByPhone(ClientFixture.phone(7))).containsExactly(card);
        assertThat(store.findByPhone(ClientFixture.contactPhone(7))).containsExactly(card);
        assertThat(store.findByPhone(PhoneNumber.of("+79990000000"))).isEmpty();
    }

    @Test
    @DisplayName("a phone shared by two cards finds both, in name order")
    void sharedPhone() {
        PhoneNumber shared = PhoneNumber.of("+74951112233");
        ClientCard b = store.save(ClientFixture.minimal(1, "Бета").toBuilder()
                .phone(ContactPhone.of(shared, ContactPurpose.WORK)).build());
        ClientCard a = store.save(ClientFixture.minimal(2, "Альфа").toBuilder()
                .phone(ContactPhone.of(shared, ContactPurpose.WORK)).build());

        assertThat(store.findByPhone(shared)).containsExactly(a, b);
    }

    @Test
    @DisplayName("after a phone is removed from the card the caller no longer finds it; the new phone does")
    void phoneIndexFollowsUpdates() {
        ClientCard v1 = store.save(ClientFixture.organisation(7));
        PhoneNumber newPhone = PhoneNumber.of("+74957777777");
        ContactPerson director = v1.contactPersons().get(0);
        ContactPerson directorWithoutPhone = new ContactPerson(director.id(), director.name(), director.position(),
                List.of(), director.emails(), director.birthday(), director.notes());

        ClientCard v2 = store.save(v1.toBuilder()
                .phones(List.of(ContactPhone.of(newPhone, ContactPurpose.MAIN)))
                .contactPersons(List.of(directorWithoutPhone))
                .build());

        assertThat(store.findByPhone(ClientFixture.contactPhone(7))).isEmpty();
        assertThat(store.findByPhone(ClientFixture.phone(7))).isEmpty();
        assertThat(store.findByPhone(newPhone)).containsExactly(v2);
    }

    @Test
    @DisplayName("a card is found by its e-mail and by a contact person's e-mail")
    void findByEmail() {
        ClientCard card = store.save(ClientFixture.organisation(5));

        assertThat(store.findByEmail(ClientFixture.email(5))).containsExactly(card);
        assertThat(store.findByEmail(Email.of("IVANOV5@Example.RU"))).containsExactly(card);
        assertThat(store.findByEmail(Email.of("nobody@example.ru"))).isEmpty();
    }

    @Test
    @DisplayName("e-mail and INN lookups follow updates")
    void emailAndInnIndexFollowUpdates() {
        ClientCard v1 = store.save(ClientFixture.organisation(5));
        Inn newInn = Inn.of(ValidNumbers.innOrganisation(9_000_005));

        ClientCard v2 = store.save(v1.toBuilder()
                .emails(List.of(ContactEmail.of(Email.of("new@example.ru"), ContactPurpose.WORK)))
                .requisites(Requisites.organisation(newInn, null, null))
                .build());

        assertThat(store.findByEmail(ClientFixture.email(5))).isEmpty();
        assertThat(store.findByEmail(Email.of("new@example.ru"))).containsExactly(v2);
        assertThat(store.findByInn(v1.requisites().inn())).isEmpty();
        assertThat(store.findByInn(newInn)).containsExactly(v2);
    }

    @Test
    @DisplayName("name search matches a prefix of the name key, case-insensitively, with ё as е")
    void findByNamePrefix() {
        ClientCard elka = store.save(ClientFixture.minimal(1, "«Ёлка» Трейд"));
        ClientCard elkin = store.save(ClientFixture.minimal(2, "Елкин и сыновья"));
        store.save(ClientFixture.minimal(3, "Альфа"));

        assertThat(store.findByNamePrefix(ClientNames.searchKey("ЕЛК"), 10)).containsExactly(elka, elkin);
        assertThat(store.findByNamePrefix(ClientNames.searchKey("ёлка т"), 10)).containsExactly(elka);
        assertThat(store.findByNamePrefix(ClientNames.searchKey("елк"), 1)).containsExactly(elka);
        assertThat(store.findByNamePrefix(ClientNames.searchKey("бета"), 10)).isEmpty();
    }

    @Test
    @DisplayName("name search follows a rename")
    void nameIndexFollowsUpdates() {
        ClientCard v1 = store.save(ClientFixture.minimal(1, "Старое имя"));

        ClientCard v2 = store.save(v1.toBuilder().name("Новое имя").build());

        assertThat(store.findByNamePrefix("стар", 10)).isEmpty();
        assertThat(store.findByNamePrefix("нов", 10)).containsExactly(v2);
    }

    @Test
    @DisplayName("a name search with % or _ matches them literally, never as wildcards")
    void nameSearchIsLiteral() {
        store.save(ClientFixture.minimal(1, "Альфа"));
        ClientCard percent = store.save(ClientFixture.minimal(2, "100% Сервис"));

        assertThat(store.findByNamePrefix("%", 10)).isEmpty();
        assertThat(store.findByNamePrefix("_", 10)).isEmpty();
        assertThat(store.findByNamePrefix("100%", 10)).containsExactly(percent);
    }

    @Test
    @DisplayName("an import stores every card at once")
    void insertAll() {
        List<ClientCard> cards = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            cards.add(ClientFixture.organisation(n));
        }

        assertThat(store.insertAll(cards)).isEqualTo(50);

        assertThat(store.count()).isEqualTo(50);
        assertThat(store.findById(ClientFixture.id(17))).contains(cards.get(16).toBuilder().version(1).build());
        assertThat(store.findByPhone(ClientFixture.contactPhone(42))).extracting(ClientCard::id)
                .containsExactly(ClientFixture.id(42));
    }

    @Test
    @DisplayName("an import with a duplicate INN stores nothing at all")
    void insertAllIsAllOrNothing() {
        store.save(ClientFixture.minimal(3, "Уже есть"));
        List<ClientCard> cards = List.of(ClientFixture.minimal(1, "A"), ClientFixture.minimal(2, "B"),
                ClientFixture.minimal(4, "C").toBuilder().requisites(ClientFixture.minimal(3, "x").requisites()).build());

        assertThatThrownBy(() -> store.insertAll(cards)).isInstanceOf(DuplicateException.class);

        assertThat(store.count()).isEqualTo(1);
        assertThat(store.findById(ClientFixture.id(1))).isEmpty();
    }

    @Test
    @DisplayName("what the store returns is not affected by later changes of the caller's objects")
    void storedStateIsIsolated() {
        List<ContactPhone> phones = new ArrayList<>(List.of(ContactPhone.of(ClientFixture.phone(1), ContactPurpose.WORK)));
        ClientCard card = ClientFixture.minimal(1, "Изоляция").toBuilder().phones(phones).build();
        ClientCard saved = store.save(card);

        phones.add(ContactPhone.of(PhoneNumber.of("+74950000999"), ContactPurpose.FAX));

        ClientCard loaded = store.findById(card.id()).orElseThrow();
        assertThat(loaded.phones()).hasSize(1);
        assertThat(loaded).isEqualTo(saved);
        assertThatThrownBy(() -> loaded.phones().add(ContactPhone.of(PhoneNumber.of("+74950000998"), ContactPurpose.FAX)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.findByPhone(PhoneNumber.of("+74950000999"))).isEmpty();
    }

    @Test
    @DisplayName("the assignment history is kept in order")
    void assignmentHistory() {
        ClientCard v1 = store.save(ClientFixture.organisation(1));
        ClientCard v2 = store.save(v1.toBuilder()
                .assignment(new ManagerAssignment(EmployeeId.of("manager-2"), later(60), null, null))
                .assignment(new ManagerAssignment(null, later(120), EmployeeId.of("admin"), "left the company"))
                .build());

        ClientCard loaded = store.findById(v1.id()).orElseThrow();
        assertThat(loaded.assignments()).isEqualTo(v2.assignments());
        assertThat(loaded.assignments()).hasSize(3);
        assertThat(loaded.responsibleManager()).isEmpty();
        assertThat(loaded.assignments().get(0).at()).isEqualTo(T0);
    }

    @Test
    @DisplayName("of many concurrent saves from the same version exactly one wins")
    void concurrentSavesFromOneVersion() throws Exception {
        ClientCard v1 = store.save(ClientFixture.organisation(1));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "Writer " + i;
                Callable<Boolean> save = () -> {
                    start.await();
                    try {
                        store.save(v1.toBuilder().name(name).build());
                        return true;
                    } catch (ConcurrentModificationException e) {
                        return false;
                    }
                };
                results.add(pool.submit(save));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> r : results) {
                wins += r.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(store.findById(v1.id()).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The id of the n-th fixture card, for subclasses adding their own tests. */
    protected static ClientId fixtureId(long n) {
        return ClientFixture.id(n);
    }
}
