package org.crm4j.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crm4j.common.StorageException;
import org.crm4j.notification.NotificationLink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationLinksTest {

    @Test
    @DisplayName("links are written one per line, relation and reference split by the first space, '\\' and breaks escaped")
    void format() {
        List<NotificationLink> links = List.of(new NotificationLink("client", "0190-7000"),
                new NotificationLink("deal", "D 1\\2\nthree"), new NotificationLink("notable-event", "x\\n"));

        String text = NotificationLinks.write(links);

        assertThat(text).isEqualTo("client 0190-7000\ndeal D 1\\\\2\\nthree\nnotable-event x\\\\n");
        assertThat(NotificationLinks.read(text)).isEqualTo(links);
    }

    @Test
    @DisplayName("no links is no text, and no text is no links")
    void none() {
        assertThat(NotificationLinks.write(List.of())).isNull();
        assertThat(NotificationLinks.read(null)).isEmpty();
        assertThat(NotificationLinks.read("")).isEmpty();
    }

    @Test
    @DisplayName("text crm4j did not write is a storage failure naming it, not a wrong link")
    void corrupt() {
        for (String text : List.of("client", " 123", "client a\\", "client a\\x", "client a\n")) {
            assertThatThrownBy(() -> NotificationLinks.read(text)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("links");
        }
    }

    @Property(tries = 500)
    @Label("any links read back equal to those written")
    void roundTrip(@ForAll("links") List<NotificationLink> links) {
        assertThat(NotificationLinks.read(NotificationLinks.write(links))).isEqualTo(links);
    }

    @Provide
    Arbitrary<List<NotificationLink>> links() {
        Arbitrary<String> rel = Arbitraries.of("client", "task", "deal", "notable-event", "счёт", "a.b_c-1");
        Arbitrary<String> ref = Arbitraries.strings().withChars("ab n\\\n\r\t кЖ:=,;\"'").ofMinLength(1)
                .ofMaxLength(NotificationLink.MAX_REF).filter(s -> !s.isBlank());
        return Combinators.combine(rel, ref).as(NotificationLink::new).list().ofMaxSize(20);
    }
}
