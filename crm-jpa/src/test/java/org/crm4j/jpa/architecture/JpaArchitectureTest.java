package org.crm4j.jpa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

/**
 * crm-jpa is an adapter of crm-api through the provider-neutral Jakarta Persistence API: it never reaches into
 * crm-core, nor into a provider, a driver, a pool or a migration tool.
 */
@AnalyzeClasses(packages = "org.crm4j.jpa", importOptions = ImportOption.DoNotIncludeTests.class)
class JpaArchitectureTest {

    @ArchTest
    static final ArchRule onlyApiJpaAndJdk = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "jakarta.persistence..",
                    "org.crm4j.common..", "org.crm4j.client..", "org.crm4j.classifier..", "org.crm4j.requisites..",
                    "org.crm4j.keydate..", "org.crm4j.interaction..", "org.crm4j.storage..", "org.crm4j.jpa..",
                    "org.crm4j.history..",
                    "org.jspecify..")
            .because("crm-jpa depends on crm-api and the JPA API only (DESIGN.md, modules)");

    @ArchTest
    static final ArchRule neverCore = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.crm4j.core..")
            .because("crm-jpa is an adapter of crm-api; the behaviour in crm-core never depends on it, nor it on "
                    + "crm-core");

    @ArchTest
    static final ArchRule entitiesStayInside = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().notBePublic()
            .because("entities are storage rows, mapped to and from crm-api's records; callers never see them");
}
