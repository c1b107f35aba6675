/**
 * crm4j's JPA storage adapter: stores crm-api's aggregates through any Jakarta Persistence 3.1 provider. The
 * entry point is {@link org.crm4j.jpa.JpaStorage}; the schema ships as Flyway migrations under
 * {@code db/crm4j/}. The package is open so that the provider can reach the (package-private) entities.
 */
module org.crm4j.jpa {
    requires transitive org.crm4j.api;
    requires transitive jakarta.persistence;
    requires transitive java.sql;
    requires static transitive org.jspecify;

    exports org.crm4j.jpa;
    opens org.crm4j.jpa;
}
