package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crm4j.common.ConcurrentModificationException;
import org.crm4j.common.DuplicateException;
import org.crm4j.common.EmployeeId;
import org.crm4j.common.NotFoundException;
import org.crm4j.dossier.Dossier;
import org.crm4j.dossier.DossierFact;
import org.crm4j.dossier.DossierFactId;
import org.crm4j.dossier.DossierId;
import org.crm4j.dossier.DossierKind;
import org.crm4j.dossier.DossierLink;
import org.crm4j.dossier.DossierLinkType;
import org.crm4j.dossier.DossierNotFoundException;
import org.crm4j.dossier.DossierStore;
import org.crm4j.dossier.DossierSubjects;
import org.crm4j.dossier.FactCursor;
import org.crm4j.interaction.InteractionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DossierStore} must keep; an adapter extends this class and returns an empty store
 * from {@link #emptyStore()}.
 */
public abstract class DossierStoreContract {

    /** A store with no dossiers; called before every test. */
    protected abstract DossierStore emptyStore();

    protected DossierStore store;

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    /** A deterministic dossier id for number {@code n}. */
    public static DossierId id(long n) {
        return DossierId.of(new UUID(0x0190_0000_0000_7400L, n));
    }

    /** A deterministic fact id for number {@code n}. */
    public static DossierFactId factId(long n) {
        return DossierFactId.of(new UUID(0x0190_0000_0000_7500L, n));
    }

    /** A new dossier numbered {@code n}, without summary, tags, clients or links. */
    public static Dossier dossier(long n, DossierKind kind, String subject) {
        return Dossier.open(id(n), kind, subject, null, Set.of(), ClientFixture.T0);
    }

    /** A fact of dossier {@code dossier}, numbered {@code n}, recorded {@code minutes} after the fixture's time. */
    public static DossierFact fact(long n, long dossier, LocalDate date, long minutes) {
        return DossierFact.of(factId(n), id(dossier), date, "Снизили цены на 7% (" + n + ")", "звонок Петрова",
                null, Set.of("цены"), ClientFixture.later(minutes), null);
    }

    private static String key(String typed) {
        return DossierSubjects.searchKey(typed);
    }

    @Test
    @DisplayName("a saved dossier comes back equal, every field, with version 1")
    void roundTrip() {
        Dossier firm = store.save(dossier(1, DossierKind.FIRM, "ООО «Ромашка»"));
        Dossier person = new Dossier(id(2), DossierKind.PERSON, "  Пётр Петров  ", "Коммерческий директор, "
                + "решает по ценам сам", Set.of("ЛПР", "Цены  опт"), Set.of(ClientFixture.id(1), ClientFixture.id(2)),
                Set.of(DossierLink.of(DossierLinkType.WORKS_AT, firm.id())), ClientFixture.T0,
                ClientFixture.later(5), 0);

        Dossier saved = store.save(person);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.subject()).isEqualTo("Пётр Петров");
        assertThat(saved.tags()).containsExactly("лпр", "цены-опт");
        assertThat(store.findById(person.id())).contains(saved);
        assertThat(store.findById(firm.id())).contains(firm);
        assertThat(store.findById(id(99))).isEmpty();
    }

    @Test
    @DisplayName("updates raise the version; a stale one, one never stored or a taken id is refused")
    void versions() {
        Dossier v1 = store.save(dossier(3, DossierKind.PRODUCT, "Кофемашина K-100"));
        Dossier v2 = store.save(v1.withSubject("Кофемашина K-200", ClientFixture.later(1)));

        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.save(v1.withSummary("устарело", ClientFixture.later(2))))
                .isInstanceOfSatisfying(ConcurrentModificationException.class,
                        e -> assertThat(e.expectedVersion()).isEqualTo(1));
        assertThatThrownBy(() -> store.save(dossier(4, DossierKind.FIRM, "Никто").withVersion(1)))
                .isInstanceOf(DossierNotFoundException.class);
        assertThatThrownBy(() -> store.save(dossier(3, DossierKind.FIRM, "Двойник")))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(store.findById(v1.id())).contains(v2);
        assertThat(store.findById(id(4))).isEmpty();
    }

    @Test
    @DisplayName("a refused save changes nothing, neither the dossier nor what finds it")
    void refusedSaveChangesNothing() {
        Dossier firm = store.save(dossier(5, DossierKind.FIRM, "Альфа").withTags(Set.of("конкурент"),
                ClientFixture.T0));
        Dossier changed = firm.withSubject("Бета", ClientFixture.later(1)).withTags(Set.of("поставщик"),
                        ClientFixture.later(1)).withClients(Set.of(ClientFixture.id(3)), ClientFixture.later(1))
                .withLinks(Set.of(DossierLink.of(DossierLinkType.COMPETITOR_OF, id(77))), ClientFixture.later(1));

        assertThatThrownBy(() -> store.save(changed))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.aggregate()).isEqualTo("dossier"));
        Dossier fresh = dossier(6, DossierKind.FIRM, "Гамма")
                .withLinks(Set.of(DossierLink.of(DossierLinkType.SUPPLIER_OF, id(78))), ClientFixture.T0);
        assertThatThrownBy(() -> store.save(fresh)).isInstanceOf(NotFoundException.class);

        assertThat(store.findById(firm.id())).contains(firm);
        assertThat(store.findById(fresh.id())).isEmpty();
        assertThat(store.findBySubject(key("бета"), null, 10)).isEmpty();
        assertThat(store.findBySubject(key("гамма"), null, 10)).isEmpty();
        assertThat(store.findByTag("поставщик", 10)).isEmpty();
        assertThat(store.findByTag("конкурент", 10)).containsExactly(firm);
        assertThat(store.findByClient(ClientFixture.id(3))).isEmpty();
    }

    @Test
    @DisplayName("an update re-indexes the subject, tags, clients and links, and forgets the old ones")
    void updateReindexes() {
        Dossier target = store.save(dossier(7, DossierKind.FIRM, "Омега"));
        Dossier other = store.save(dossier(8, DossierKind.FIRM, "Сигма"));
        Dossier v1 = store.save(dossier(9, DossierKind.FIRM, "Дельта")
                .withTags(Set.of("старый"), ClientFixture.T0).withClients(Set.of(ClientFixture.id(1)), ClientFixture.T0)
                .withLinks(Set.of(DossierLink.of(DossierLinkType.COMPETITOR_OF, target.id())), ClientFixture.T0));

        Dossier v2 = store.save(v1.withSubject("Эпсилон", ClientFixture.later(1))
                .withTags(Set.of("новый"), ClientFixture.later(1))
                .withClients(Set.of(ClientFixture.id(2)), ClientFixture.later(1))
                .withLinks(Set.of(DossierLink.of(DossierLinkType.SUPPLIER_OF, other.id())), ClientFixture.later(1)));

        assertThat(store.findBySubject(key("дельта"), null, 10)).isEmpty();
        assertThat(store.findBySubject(key("эпсилон"), null, 10)).containsExactly(v2);
        assertThat(store.findByTag("старый", 10)).isEmpty();
        assertThat(store.findByTag("новый", 10)).containsExactly(v2);
        assertThat(store.findByClient(ClientFixture.id(1))).isEmpty();
        assertThat(store.findByClient(ClientFixture.id(2))).containsExactly(v2);
        assertThat(store.findLinkingTo(target.id(), null, 10)).isEmpty();
        assertThat(store.findLinkingTo(other.id(), DossierLinkType.SUPPLIER_OF, 10)).containsExactly(v2);
    }

    @Test
    @DisplayName("a subject is found by the start of any of its words, whatever the case, ё or е, quotes")
    void searchBySubject() {
        Dossier romashka = store.save(dossier(10, DossierKind.FIRM, "ООО «Ромашка-Трейд»"));
        Dossier person = store.save(dossier(11, DossierKind.PERSON, "Ёлкин Пётр Семёнович"));
        Dossier product = store.save(dossier(12, DossierKind.PRODUCT, "Ромашковый чай"));
        store.save(dossier(13, DossierKind.FIRM, "Acme Corp"));

        assertThat(store.findBySubject(key("РОМАШК"), null, 10)).containsExactly(romashka, product);
        assertThat(store.findBySubject(key("ромашк"), DossierKind.PRODUCT, 10)).containsExactly(product);
        assertThat(store.findBySubject(key("трейд"), null, 10)).containsExactly(romashka);
        assertThat(store.findBySubject(key("ооо «ром"), null, 10)).containsExactly(romashka);
        assertThat(store.findBySubject(key("елкин петр"), null, 10)).containsExactly(person);
        assertThat(store.findBySubject(key("СЕМЕН"), DossierKind.PERSON, 10)).containsExactly(person);
        assertThat(store.findBySubject(key("acme"), null, 10)).hasSize(1);
        assertThat(store.findBySubject(key("машка"), null, 10)).isEmpty();
        assertThat(store.findBySubject(key("ромашка"), DossierKind.PERSON, 10)).isEmpty();
        assertThat(store.findBySubject(key("ром"), null, 1)).containsExactly(romashka);
        assertThat(store.findBySubject("100%", null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a search that matches several words of one subject finds it once")
    void searchFindsEachDossierOnce() {
        Dossier twice = store.save(dossier(14, DossierKind.PRODUCT, "Чай чайный"));

        assertThat(store.findBySubject(key("чай"), null, 10)).containsExactly(twice);
    }

    @Test
    @DisplayName("dossiers are found by tag, by subject, at most as many as asked")
    void searchByTag() {
        Dossier b = store.save(dossier(15, DossierKind.FIRM, "Бета").withTags(Set.of("конкурент", "опт"),
                ClientFixture.T0));
        Dossier a = store.save(dossier(16, DossierKind.FIRM, "Альфа").withTags(Set.of("конкурент"),
                ClientFixture.T0));
        store.save(dossier(17, DossierKind.FIRM, "Гамма").withTags(Set.of("опт"), ClientFixture.T0));

        assertThat(store.findByTag("конкурент", 10)).containsExactly(a, b);
        assertThat(store.findByTag("конкурент", 1)).containsExactly(a);
        assertThat(store.findByTag("никто", 10)).isEmpty();
    }

    @Test
    @DisplayName("the dossiers concerning a client card")
    void byClient() {
        Dossier firm = store.save(dossier(18, DossierKind.FIRM, "Клиент как фирма")
                .withClients(Set.of(ClientFixture.id(5), ClientFixture.id(6)), ClientFixture.T0));
        Dossier director = store.save(dossier(19, DossierKind.PERSON, "Директор клиента")
                .withClients(Set.of(ClientFixture.id(5)), ClientFixture.T0));

        assertThat(store.findByClient(ClientFixture.id(5))).containsExactly(director, firm);
        assertThat(store.findByClient(ClientFixture.id(6))).containsExactly(firm);
        assertThat(store.findByClient(ClientFixture.id(7))).isEmpty();
    }

    @Test
    @DisplayName("inbound links: who works at a firm, who competes with it")
    void inboundLinks() {
        Dossier firm = store.save(dossier(20, DossierKind.FIRM, "Ромашка"));
        Dossier supplier = store.save(dossier(21, DossierKind.FIRM, "Василёк"));
        Dossier ivanov = store.save(dossier(22, DossierKind.PERSON, "Иванов")
                .withLinks(Set.of(DossierLink.of(DossierLinkType.WORKS_AT, firm.id())), ClientFixture.T0));
        Dossier petrov = store.save(dossier(23, DossierKind.PERSON, "Петров")
                .withLinks(Set.of(DossierLink.of(DossierLinkType.WORKS_AT, firm.id()),
                        DossierLink.of(DossierLinkType.WORKS_AT, supplier.id())), ClientFixture.T0));
        Dossier rival = store.save(dossier(24, DossierKind.FIRM, "Астра")
                .withLinks(Set.of(DossierLink.of(DossierLinkType.COMPETITOR_OF, firm.id()),
                        DossierLink.of(DossierLinkType.SUPPLIER_OF, firm.id())), ClientFixture.T0));

        assertThat(store.findLinkingTo(firm.id(), DossierLinkType.WORKS_AT, 10)).containsExactly(ivanov, petrov);
        assertThat(store.findLinkingTo(firm.id(), null, 10)).containsExactly(rival, ivanov, petrov);
        assertThat(store.findLinkingTo(firm.id(), null, 2)).containsExactly(rival, ivanov);
        assertThat(store.findLinkingTo(supplier.id(), DossierLinkType.WORKS_AT, 10)).containsExactly(petrov);
        assertThat(store.findLinkingTo(firm.id(), DossierLinkType.ANALOGUE_OF, 10)).isEmpty();
    }

    @Test
    @DisplayName("a fact comes back equal, every field; a taken id or an unknown dossier is refused")
    void factRoundTrip() {
        store.save(dossier(25, DossierKind.FIRM, "Ромашка"));
        DossierFact full = DossierFact.of(factId(1), id(25), LocalDate.of(2026, 2, 27),
                "Ромашка снизила цены на опт на 7% с 1 марта", "звонок: call-in «Запрос прайс-листа»",
                InteractionId.of(new UUID(0x0190000000007200L, 2)), Set.of("Цены", "опт"),
                ClientFixture.later(3), EmployeeId.of("anna"));
        DossierFact bare = fact(2, 25, LocalDate.of(2026, 1, 5), 4);

        assertThat(store.addFact(full)).isEqualTo(full);
        store.addFact(bare);

        assertThat(store.findFact(full.id())).contains(full);
        assertThat(store.findFact(bare.id())).contains(bare);
        assertThat(store.findFact(factId(99))).isEmpty();
        assertThatThrownBy(() -> store.addFact(fact(1, 25, LocalDate.of(2026, 3, 1), 5)))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThatThrownBy(() -> store.addFact(fact(3, 26, LocalDate.of(2026, 3, 1), 5)))
                .isInstanceOf(DossierNotFoundException.class);
        assertThat(store.findFact(factId(3))).isEmpty();
        assertThat(store.findFacts(id(25), null, 10)).containsExactly(full, bare);
    }

    @Test
    @DisplayName("a timeline comes newest first, by date then by the moment recorded, a page at a time")
    void timeline() {
        store.save(dossier(27, DossierKind.FIRM, "Ромашка"));
        store.save(dossier(28, DossierKind.FIRM, "Другая"));
        DossierFact old = store.addFact(fact(10, 27, LocalDate.of(2025, 12, 1), 50));
        DossierFact marchLate = store.addFact(fact(11, 27, LocalDate.of(2026, 3, 1), 40));
        DossierFact marchEarly = store.addFact(fact(12, 27, LocalDate.of(2026, 3, 1), 10));
        DossierFact april = store.addFact(fact(13, 27, LocalDate.of(2026, 4, 1), 0));
        store.addFact(fact(14, 28, LocalDate.of(2026, 5, 1), 0));

        assertThat(store.findFacts(id(27), null, 10)).containsExactly(april, marchLate, marchEarly, old);
        assertThat(store.findFacts(id(27), null, 2)).containsExactly(april, marchLate);
        assertThat(store.findFacts(id(27), marchLate.cursor(), 2)).containsExactly(marchEarly, old);
        assertThat(store.findFacts(id(27), old.cursor(), 2)).isEmpty();
        assertThat(store.findFacts(id(27), null, 0)).isEmpty();
        assertThat(store.findFacts(id(29), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("the facts told in an interaction are found in every dossier, newest first")
    void factsOfAnInteraction() {
        store.save(dossier(31, DossierKind.FIRM, "Ромашка"));
        store.save(dossier(32, DossierKind.PRODUCT, "Кофемашина K-100"));
        InteractionId call = InteractionId.of(new UUID(0x0190000000007200L, 9));
        DossierFact onFirm = store.addFact(DossierFact.of(factId(30), id(31), LocalDate.of(2026, 3, 1),
                "Снизили цены", "call-in: Цены", call, Set.of("цены"), ClientFixture.later(1), null));
        DossierFact onProduct = store.addFact(DossierFact.of(factId(31), id(32), LocalDate.of(2026, 3, 2),
                "Сняли с продажи", "call-in: Цены", call, Set.of(), ClientFixture.later(1), null));
        store.addFact(fact(32, 31, LocalDate.of(2026, 3, 3), 2));

        assertThat(store.findFactsByInteraction(call)).containsExactly(onProduct, onFirm);
        assertThat(store.findFactsByInteraction(InteractionId.of(new UUID(1, 2)))).isEmpty();
    }

    @Test
    @DisplayName("paging through facts equal in date and moment neither repeats nor loses one")
    void pagingThroughTies() {
        store.save(dossier(30, DossierKind.PERSON, "Петров"));
        for (int n = 20; n < 27; n++) {
            store.addFact(fact(n, 30, LocalDate.of(2026, 3, 2), 7));
        }
        store.addFact(fact(27, 30, LocalDate.of(2026, 3, 1), 0));
        List<DossierFact> all = store.findFacts(id(30), null, 100);

        List<DossierFact> paged = new ArrayList<>();
        FactCursor cursor = null;
        for (int page = 0; page < 10; page++) {
            List<DossierFact> facts = store.findFacts(id(30), cursor, 3);
            if (facts.isEmpty()) {
                break;
            }
            paged.addAll(facts);
            cursor = facts.get(facts.size() - 1).cursor();
        }

        assertThat(all).hasSize(8);
        assertThat(all.get(7).id()).isEqualTo(factId(27));
        assertThat(paged).containsExactlyElementsOf(all);
    }
}
