package io.mlrollout.modelserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The inference core is a library: no HTTP, no JSON, no Quarkus, no knowledge of the layers above it. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mlrollout.modelserver");

    @Test
    void inferenceDependsOnNoHttpJsonOrFramework() {
        noClasses().that().resideInAPackage("..modelserver.inference..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.ws.rs..", "io.vertx..", "io.quarkus..", "io.smallrye..", "jakarta.enterprise..",
                        "com.fasterxml.jackson..", "io.micrometer..",
                        "..modelserver.http..", "..modelserver.metrics..", "..modelserver.server..")
                .check(MAIN);
    }

    @Test
    void metricsKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("..modelserver.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "..modelserver.http..")
                .check(MAIN);
    }
}
