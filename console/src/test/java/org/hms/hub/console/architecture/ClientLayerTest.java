package org.hms.hub.console.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's client layer does HTTP and nothing of Swing (CONVENTIONS.md). */
class ClientLayerTest {

    @Test
    void theClientLayerImportsNoSwing() {
        noClasses().that().resideInAPackage("org.hms.hub.console.client..").should().dependOnClassesThat()
                .resideInAnyPackage("javax.swing..", "java.awt..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.hms.hub.console"));
    }
}
