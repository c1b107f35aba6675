package org.crm4j.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The row of a client card: its single-valued fields. The list-valued ones live in {@link ContactEntity} and
 * {@link ClientPartEntity}. Not a domain object: {@link ClientMapping} converts it to and from
 * {@link org.crm4j.client.ClientCard}.
 *
 * <p>The version is a plain column, not {@code @Version}: providers seed {@code @Version} differently
 * (Hibernate at 0, EclipseLink at 1) and checking it would take a select before each update, while
 * {@link JpaClientStore} checks and increments it in the update itself ({@code ... where id = ? and version = ?}).
 */
@Entity(name = "CrmClient")
@Table(name = "crm_client")
class ClientEntity {
    @Id
    UUID id;
    long version;
    String kind;
    String relation;
    String name;
    @Column(name = "name_key")
    String nameKey;
    @Column(name = "full_name")
    String fullName;
    @Column(name = "legal_form")
    String legalForm;
    String surname;
    @Column(name = "given_name")
    String givenName;
    String patronymic;
    String inn;
    String kpp;
    String ogrn;
    String ogrnip;
    @Column(name = "foreign_tax_id")
    String foreignTaxId;
    @Column(name = "unique_key")
    String uniqueKey;
    String region;
    String industry;
    @Column(name = "lead_source")
    String leadSource;
    @Column(name = "manager_id")
    String managerId;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected ClientEntity() {
    }

    ClientEntity(UUID id, long version) {
        this.id = id;
        this.version = version;
    }

    /**
     * Every attribute but the id and the version, by attribute name, for the guarded update. The order is
     * fixed, so the update statement is the same text every time and its plan is cached.
     */
    Map<String, Object> changeableAttributes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind);
        values.put("relation", relation);
        values.put("name", name);
        values.put("nameKey", nameKey);
        values.put("fullName", fullName);
        values.put("legalForm", legalForm);
        values.put("surname", surname);
        values.put("givenName", givenName);
        values.put("patronymic", patronymic);
        values.put("inn", inn);
        values.put("kpp", kpp);
        values.put("ogrn", ogrn);
        values.put("ogrnip", ogrnip);
        values.put("foreignTaxId", foreignTaxId);
        values.put("uniqueKey", uniqueKey);
        values.put("region", region);
        values.put("industry", industry);
        values.put("leadSource", leadSource);
        values.put("managerId", managerId);
        values.put("createdAt", createdAt);
        values.put("updatedAt", updatedAt);
        return values;
    }
}
