package org.hms.hub.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modular monolith's boundaries (CONVENTIONS.md): feature modules never use each other's code, the shared
 * kernel knows no feature module, entities know nothing of boundaries, and shared-model stays free of the server.
 */
class ModuleBoundariesTest {

    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hms.hub");
    }

    @Test
    void featureModulesDoNotUseEachOther() {
        slices().matching("org.hms.hub.(connector|mapping|order|audit)..").should().notDependOnEachOther()
                .check(hub);
    }

    @Test
    void thePlatformKnowsNoFeatureModule() {
        noClasses().that().resideInAPackage("org.hms.hub.platform..").should().dependOnClassesThat()
                .resideInAnyPackage("org.hms.hub.connector..", "org.hms.hub.mapping..", "org.hms.hub.order..",
                        "org.hms.hub.audit..")
                .check(hub);
    }

    @Test
    void entitiesDoNotDependOnBoundaries() {
        noClasses().that().resideInAPackage("..entity..").should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(hub);
    }

    @Test
    void theSharedModelDependsOnNothingOfTheServer() {
        noClasses().that().resideInAPackage("org.hms.hub.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.hms.hub.platform..", "org.hms.hub.connector..", "org.hms.hub.mapping..",
                        "org.hms.hub.order..", "org.hms.hub.audit..", "jakarta.persistence..", "jakarta.ejb..")
                .check(hub);
    }

    @Test
    void theMappingEngineIsAPureLibrary() {
        noClasses().that().resideInAPackage("org.hms.hub.mapping.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "jakarta.ejb..", "jakarta.enterprise..", "jakarta.ws.rs..",
                        "jakarta.jms..", "java.net..", "java.sql..", "org.hms.hub.platform..")
                .check(hub);
    }

    /** jakarta.json.Json's factories look the provider up on every call (ServiceLoader): use Json.JSONP. */
    @Test
    void serverCodeUsesTheCachedJsonProvider() {
        noClasses().that().resideInAnyPackage("org.hms.hub.platform..", "org.hms.hub.connector..",
                        "org.hms.hub.mapping.control..", "org.hms.hub.mapping.boundary..", "org.hms.hub.order..",
                        "org.hms.hub.audit..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.json.Json")
                .check(hub);
    }
}
