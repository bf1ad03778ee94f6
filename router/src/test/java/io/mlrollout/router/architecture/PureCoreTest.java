package io.mlrollout.router.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The routing and resilience rules stay pure, so the operator's judge can reuse them and tests need no I/O. */
class PureCoreTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mlrollout.router");

    @Test
    void routingAndResilienceUseNoClientServerFrameworkOrClock() {
        noClasses().that().resideInAnyPackage("io.mlrollout.router.routing..", "io.mlrollout.router.resilience..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.fabric8.kubernetes.client..", "io.quarkus..",
                        "io.micrometer..", "java.net..", "java.io..", "jakarta..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .check(classes);
    }
}
