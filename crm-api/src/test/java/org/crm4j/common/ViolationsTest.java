package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.crm4j.tck.Refusals.refusal;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.crm4j.requisites.Bik;
import org.crm4j.requisites.Inn;
import org.crm4j.requisites.RuBankAccount;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void several_bad_fields_are_reported_all_at_once_in_the_order_found() {
        Violations v = new Violations();

        Inn inn = v.field("requisites.inn", () -> Inn.of("7707083894"));
        Email email = v.field("emails[0]", () -> Email.of("not an address"));
        PhoneNumber phone = v.field("phones[1]", () -> PhoneNumber.of("8 495 123-45-67"));
        ValidationException e = refusal(v::throwIfAny);

        assertThat(inn).isNull();
        assertThat(email).isNull();
        assertThat(phone).isNull();
        assertThat(e.violations()).extracting(Violation::field, Violation::code, Violation::rejectedValue)
                .containsExactly(
                        tuple("requisites.inn", "inn.checksum", "7707083894"),
                        tuple("emails[0]", "email.invalid", "not an address"),
                        tuple("phones[1]", "phone.e164", "8 495 123-45-67"));
        assertThat(e.field()).isEqualTo("requisites.inn");
        assertThat(e.violationCode()).isEqualTo("inn.checksum");
        assertThat(e.rejectedValue()).isEqualTo("7707083894");
        assertThat(e.getMessage())
                .contains("requisites.inn: INN 7707083894 has a wrong check digit [inn.checksum]")
                .contains("; emails[0]: ")
                .contains("[phone.e164]");
    }

    @Test
    void a_good_field_is_built_and_returned() {
        Violations v = new Violations();

        Inn inn = v.field("inn", () -> Inn.of("7707083893"));

        assertThat(inn).isEqualTo(Inn.of("7707083893"));
        assertThat(v.isEmpty()).isTrue();
        assertThat(v.list()).isEmpty();
    }

    @Test
    void a_field_path_replaces_the_field_the_value_named() {
        Violations v = new Violations();

        v.field("contacts[0].phones[2]", () -> PhoneNumber.of("123"));

        assertThat(v.list()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("contacts[0].phones[2]");
            assertThat(violation.code()).isEqualTo("phone.e164");
            assertThat(violation.message()).contains("E.164");
        });
    }

    @Test
    void nested_violations_are_reported_under_the_prefix_with_their_own_sub_fields() {
        Violations v = new Violations();
        Bik sber = Bik.of("044525225");

        RuBankAccount account = v.nested("bankAccounts[0]", () -> RuBankAccount.of(sber, "1", "2"));
        PersonName name = v.nested("contactPersons[1].name", () -> PersonName.of("", "Иван1"));

        assertThat(account).isNull();
        assertThat(name).isNull();
        assertThat(v.list()).extracting(Violation::field, Violation::code).containsExactly(
                tuple("bankAccounts[0].account", "account.format"),
                tuple("bankAccounts[0].correspondentAccount", "account.format"),
                tuple("contactPersons[1].name.surname", "name.required"),
                tuple("contactPersons[1].name.givenName", "name.characters"));
    }

    @Test
    void an_empty_prefix_keeps_the_sub_fields_as_they_are() {
        Violations v = new Violations();

        v.nested("", () -> PersonName.of("Иванов", ""));

        assertThat(v.list()).extracting(Violation::field).containsExactly("givenName");
    }

    @Test
    void throw_if_any_with_no_violations_does_nothing() {
        Violations v = new Violations();

        assertThatNoException().isThrownBy(v::throwIfAny);
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void rules_outside_a_value_and_violations_found_elsewhere_are_added() {
        Violations v = new Violations();

        v.add("personName", "client.person-name", null, "a person needs a person's name");
        v.add("version", "version.negative", -1L, "version must not be negative, was -1");
        v.addAll(List.of(new Violation("tags", "tag.length", "", "a tag must have 1 to 64 characters")));

        assertThat(v.isEmpty()).isFalse();
        assertThat(v.list()).extracting(Violation::field, Violation::code, Violation::rejectedValue).containsExactly(
                tuple("personName", "client.person-name", null),
                tuple("version", "version.negative", "-1"),
                tuple("tags", "tag.length", ""));
        assertThat(refusal(v::throwIfAny).violations()).hasSize(3);
    }

    @Test
    void the_list_is_a_snapshot_that_cannot_be_changed() {
        Violations v = new Violations();
        v.add("a", "x.y", null, "m");

        List<Violation> snapshot = v.list();
        v.add("b", "x.y", null, "m");

        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(() -> snapshot.add(new Violation("c", "x.y", null, "m")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_exception_that_is_not_a_validation_exception_is_not_caught() {
        Violations v = new Violations();

        assertThatThrownBy(() -> v.field("inn", () -> Inn.of(null))).isInstanceOf(NullPointerException.class);
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void a_validation_exception_needs_at_least_one_violation_and_copies_the_list() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ValidationException(List.of()));

        List<Violation> list = new ArrayList<>(List.of(new Violation("f", "c.r", "v", "m")));
        ValidationException e = new ValidationException(list);
        list.clear();

        assertThat(e.violations()).hasSize(1);
        assertThat(e.first()).isEqualTo(new Violation("f", "c.r", "v", "m"));
        assertThat(e.code()).isEqualTo("validation");
        assertThat(e.getMessage()).isEqualTo("f: m [c.r]");
    }

    @Test
    void a_violation_moved_to_another_path_keeps_everything_else() {
        Violation violation = new Violation("inn", "inn.checksum", "7707083894", "wrong");

        assertThat(violation.at("requisites.inn"))
                .isEqualTo(new Violation("requisites.inn", "inn.checksum", "7707083894", "wrong"));
        assertThat(violation).hasToString("inn: wrong [inn.checksum]");
    }

    @Property
    @Label("every violation added is reported, in order, by one exception")
    void every_violation_added_is_reported(@ForAll @IntRange(min = 1, max = 50) int count) {
        Violations v = new Violations();
        for (int i = 0; i < count; i++) {
            int n = i;
            v.field("items[" + i + "]", () -> PhoneNumber.of("bad" + n));
        }

        ValidationException e = refusal(v::throwIfAny);

        assertThat(e.violations()).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(e.violations().get(i).field()).isEqualTo("items[" + i + "]");
            assertThat(e.violations().get(i).rejectedValue()).isEqualTo("bad" + i);
        }
    }

    @Test
    void optionalTextIsStrippedAbsentWhenBlankAndRefusedPastItsLength() {
        Violations v = new Violations();

        assertThat(v.optionalText("notes", "x.notes", null, 5)).isNull();
        assertThat(v.optionalText("notes", "x.notes", " \t ", 5)).isNull();
        assertThat(v.optionalText("notes", "x.notes", "  abcde  ", 5)).isEqualTo("abcde");
        assertThat(v.isEmpty()).isTrue();

        assertThat(v.optionalText("notes", "x.notes", " abcdef ", 5)).isEqualTo("abcdef");
        assertThat(v.list()).extracting(Violation::field, Violation::code, Violation::rejectedValue)
                .containsExactly(tuple("notes", "x.notes", "6"));
        assertThat(v.list().get(0).message()).contains("at most 5");
    }
}
