package org.crm4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.crm4j.common.CrmException;

/** crm-api is the published language: it depends on the JDK and JSpecify only, and its packages form no cycles. */
@AnalyzeClasses(packages = "org.crm4j", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule jdkAndJSpecifyOnly = classes()
            .that().resideInAPackage("org.crm4j..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.crm4j..", "java..", "org.jspecify..")
            .because("a vendor implementing storage needs crm-api and nothing else");

    @ArchTest
    static final ArchRule noImplementationPackages = noClasses()
            .should().resideInAnyPackage("org.crm4j.core..", "org.crm4j.jpa..")
            .because("crm-api holds no behaviour of crm-core and no adapter");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices()
            .matching("org.crm4j.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule exceptionsAreCrmExceptions = classes()
            .that().areAssignableTo(RuntimeException.class).and().resideInAPackage("org.crm4j..")
            .should().beAssignableTo(CrmException.class)
            .because("every error crm4j throws is a CrmException");

    @ArchTest
    static final ArchRule valueTypesAreImmutableRecords = classes()
            .that().resideInAnyPackage("org.crm4j.common..", "org.crm4j.requisites..")
            .and().areNotInterfaces().and().areNotEnums().and().areNotAssignableTo(Throwable.class)
            .and().doNotHaveSimpleName("Violations").and().doNotHaveSimpleName("Digits")
            .and().haveModifier(JavaModifier.PUBLIC)
            .should().beAssignableTo(Record.class)
            .because("values are immutable records, valid once built");
}
