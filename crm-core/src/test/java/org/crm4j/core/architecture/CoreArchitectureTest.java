package org.crm4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** crm-core holds behaviour only: no persistence technology, and aggregates that do not depend on each other in cycles. */
@AnalyzeClasses(packages = "org.crm4j.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule noPersistenceTechnology = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "javax.persistence..",
                    "java.sql..", "javax.sql..", "org.hibernate..", "org.flywaydb..")
            .because("crm-core is storage-neutral; JPA lives in crm-jpa");

    @ArchTest
    static final ArchRule jacksonOnlyInJson = noClasses()
            .that().resideOutsideOfPackage("org.crm4j.core.json..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("JSON reading and writing is kept in one package");

    @ArchTest
    static final ArchRule noCyclesBetweenAggregates = slices()
            .matching("org.crm4j.core.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule loggingThroughSlf4jOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                    "org.apache.logging.log4j..", "ch.qos.logback..")
            .because("a library logs through the SLF4J API and leaves the binding to the application");
}
