/**
 * crm4j's JPA storage adapter: stores crm-api's aggregates through any Jakarta Persistence 3.1 provider.
 */
module org.crm4j.jpa {
    requires transitive org.crm4j.api;
    requires jakarta.persistence;
    requires static org.jspecify;
}
