package io.mlrollout.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rollout and analysis decisions stay pure: no cluster client, no framework, no clock, no I/O. */
class PureCoreTest {

    private static final String[] PURE = {"io.mlrollout.operator.rollout..", "io.mlrollout.operator.analysis.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mlrollout.operator");
    }

    @Test
    void noKubernetesClientFrameworkOrNetwork() {
        noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat().resideInAnyPackage(
                        "io.fabric8.kubernetes.client..", "io.javaoperatorsdk..", "io.quarkus..", "jakarta..",
                        "io.micrometer..", "java.net..", "java.nio.file..", "java.io..",
                        "io.mlrollout.operator.reconciler..", "io.mlrollout.operator.traffic..",
                        "io.mlrollout.operator.metrics..", "io.mlrollout.operator.monitoring..", "io.mlrollout.operator.resources..")
                .check(classes);
    }

    @Test
    void noClock() {
        noClasses().that().resideInAnyPackage(PURE).should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(classes);
    }
}
