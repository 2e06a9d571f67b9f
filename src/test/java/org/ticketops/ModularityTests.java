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
        for (String capability : new String[]{"catalog", "customer", "sales", "decision", "refund", "audit", "credit",
                "pricing", "notification"}) {
            noClasses().that().resideOutsideOfPackage("org.ticketops." + capability + "..")
                    .should().dependOnClassesThat(JavaClass.Predicates.simpleNameEndingWith("Mapper")
                            .and(JavaClass.Predicates.resideInAPackage("org.ticketops." + capability + "..")))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void delegatesHoldNoSqlAndServicesNoMyBatisSessions() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis.session..")
                .allowEmptyShould(true).check(CLASSES);
        noClasses().that().haveSimpleNameEndingWith("Delegate")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper")
                .allowEmptyShould(true).check(CLASSES);
    }
}
