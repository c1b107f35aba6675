package org.crm4j.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.crm4j.client.ClientCard;
import org.crm4j.client.ClientForm;
import org.crm4j.client.ContactForm;
import org.crm4j.client.PhoneMatch;
import org.crm4j.common.ContactPurpose;
import org.crm4j.common.EmployeeId;
import org.crm4j.core.Crm;
import org.crm4j.jpa.JpaStorage;

/**
 * crm4j keeping its cards in a relational database through crm-jpa: an H2 file database in
 * {@code target/crm4j-example} by default, or the database at {@code CRM_EXAMPLE_JDBC_URL} (with
 * {@code CRM_EXAMPLE_JDBC_USER} and {@code CRM_EXAMPLE_JDBC_PASSWORD}), such as
 * {@code jdbc:postgresql://127.0.0.1:5432/test}. The schema is migrated with Flyway at start; run it twice and
 * the second run finds the clients of the first.
 *
 * <p>Run: {@code ./mvnw -q -pl crm-examples -am verify -DskipTests -Prun-example
 * -Dexample=org.crm4j.examples.JpaExample}
 */
public final class JpaExample {
    private JpaExample() {
    }

    public static void main(String[] args) {
        // Hibernate logs through JBoss Logging, which picks SLF4J only when told to.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        String url = System.getenv().getOrDefault("CRM_EXAMPLE_JDBC_URL", "jdbc:h2:file:./target/crm4j-example");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(System.getenv().getOrDefault("CRM_EXAMPLE_JDBC_USER", url.startsWith("jdbc:postgresql")
                ? "postgres" : url.startsWith("jdbc:mariadb") ? "root" : "sa"));
        pool.setPassword(System.getenv().getOrDefault("CRM_EXAMPLE_JDBC_PASSWORD", ""));
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");

        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Schema.migrate(dataSource, Schema.Database.of(url), JpaStorage.DEFAULT_TABLE_PREFIX);
            try (JpaStorage storage = JpaStorage.builder().dataSource(dataSource).build()) {
                Crm crm = Crm.builder().storage(storage).build();
                System.out.println("crm4j on " + url + ": " + storage.clients().count() + " client cards stored");

                String inn = "7707083893";
                ClientCard card = crm.clients().findByInn(inn).stream().findFirst().orElseGet(() ->
                        crm.clients().register(ClientForm.organisation("Рога и копыта").legalForm("ООО")
                                        .inn(inn).kpp("773601001").phone("8 (495) 123-45-67", ContactPurpose.MAIN)
                                        .build(),
                                List.of(ContactForm.of("Иванов", "Иван", "Иванович").position("Директор")
                                        .phone("+7 916 555-44-33", ContactPurpose.MOBILE).build())));
                card = crm.clients().assignManager(card.id(), EmployeeId.of("anna.smirnova"), null, "example run");
                System.out.println(card.name() + ": version " + card.version() + ", "
                        + card.assignments().size() + " manager assignments in its history");

                for (PhoneMatch match : crm.clients().findByPhone("8 916 555 44 33")) {
                    System.out.println("Incoming call from 8 916 555 44 33: " + match.client().name()
                            + match.contact().map(c -> ", " + c.name().fullName()).orElse(""));
                }
            }
        }
    }
}
