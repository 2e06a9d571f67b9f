package org.ticketops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The capability packages talk through each other's services, never through internals or mappers. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TicketOpsApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ticketops");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void onlyACapabilityItselfUsesItsMappers() {
        java.util.List<String> capabilities = MODULES.stream().map(m -> m.getBasePackage().getName()).toList();
        org.assertj.core.api.Assertions.assertThat(capabilities).contains("org.ticketops.refund", "org.ticketops.decision");
        for (String capability : capabilities) {
            noClasses().that().resideOutsideOfPackage(capability + "..")
                    .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Mapper")
                            .and(JavaClass.Predicates.resideInAPackage(capability + "..")))
                    .allowEmptyShould(true) // a capability without mappers has nothing to protect
                    .check(CLASSES);
        }
    }

    /** Writes the module documentation (component diagrams, module canvases) to target/spring-modulith-docs. */
    @Test
    void documentsTheModules() throws java.io.IOException {
        new org.springframework.modulith.docs.Documenter(MODULES).writeDocumentation();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("target", "spring-modulith-docs"))) {
            org.assertj.core.api.Assertions.assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("components.puml", "module-refund.puml");
        }
    }

    @Test
    void delegatesHoldNoSqlAndServicesNoMyBatisSessions() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis.session..")
                .allowEmptyShould(true).check(CLASSES);
        // every process's delegates live in a class named ...Delegates (RefundDelegates): none of them reads a mapper
        noClasses().that().haveSimpleNameEndingWith("Delegates")
                .should().dependOnClassesThat().areAnnotatedWith(org.apache.ibatis.annotations.Mapper.class)
                .check(CLASSES);
    }
}
