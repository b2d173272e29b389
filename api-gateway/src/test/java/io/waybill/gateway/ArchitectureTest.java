package io.waybill.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.waybill.kernel.WorldEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Module boundaries and domain purity. ArchUnit fails a rule whose subject matches no class, so a
 * renamed package cannot silently turn a rule into a no-op; the package test below checks that explicitly.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.waybill");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.waybill.kernel", "io.waybill.order", "io.waybill.order.api", "io.waybill.shipment",
            "io.waybill.shipment.api", "io.waybill.gateway"})
    void rulesTargetExistingPackages(String packageName) {
        assertThat(classes.stream().filter(javaClass -> javaClass.getPackageName().equals(packageName)))
                .as("classes in %s", packageName)
                .isNotEmpty();
    }

    @Test
    void domainsHaveNoSpringTypes() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.waybill.kernel..", "io.waybill.order..",
                        "io.waybill.shipment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("aggregates, sagas and published messages must run in plain Axon fixtures and "
                        + "in any host, so the framework wiring stays in api-gateway");
        rule.check(classes);
    }

    @Test
    void orderDomainDependsOnNothingOfOurs() {
        ArchRule rule = noClasses().that().resideInAPackage("io.waybill.order..")
                .should().dependOnClassesThat().resideInAnyPackage("io.waybill.shipment..", "io.waybill.settlement..",
                        "io.waybill.gateway..")
                .because("orders are upstream of shipments and settlement; only the shared kernel may be used");
        rule.check(classes);
    }

    @Test
    void shipmentDomainUsesOnlyOrderApi() {
        ArchRule rule = noClasses().that().resideInAPackage("io.waybill.shipment..")
                .should().dependOnClassesThat(outsideApi("io.waybill.order"))
                .orShould().dependOnClassesThat().resideInAnyPackage("io.waybill.settlement..", "io.waybill.gateway..")
                .because("the shipment context may react to orders only through their published api");
        rule.check(classes);
    }

    @Test
    void otherModulesUseOnlyOrderApi() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.waybill.order..")
                .should().dependOnClassesThat(outsideApi("io.waybill.order"))
                .because("aggregate internals of the order context are private; commands, events and the "
                        + "OrderModule entry point are its contract");
        rule.check(classes);
    }

    @Test
    void otherModulesUseOnlyShipmentApi() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.waybill.shipment..")
                .should().dependOnClassesThat(outsideApi("io.waybill.shipment"))
                .because("aggregate internals of the shipment context are private; commands, events and the "
                        + "ShipmentModule entry point are its contract");
        rule.check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        ArchRule rule = slices().matching("io.waybill.(*)..").should().beFreeOfCycles()
                .because("each module must build and be understood without the modules that use it");
        rule.check(classes);
    }

    @Test
    void aggregatesArePackagePrivate() {
        ArchRule rule = classes().that().containAnyFieldsThat(annotatedWithAggregateIdentifier())
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .because("other modules must reach an aggregate through commands, never by calling it");
        rule.check(classes);
    }

    @Test
    void eventsCarryRevision() {
        ArchRule rule = classes().that().implement(WorldEvent.class).and().areNotInterfaces()
                .should().beAnnotatedWith(Revision.class)
                .because("a stored event can only be upcast when its payload revision was recorded");
        rule.check(classes);
    }

    @Test
    void domainsUseNoClockOrRandomIds() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.waybill.order..", "io.waybill.shipment..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("replaying events must rebuild the same state, so times and ids come in with commands");
        rule.check(classes);
    }

    private static DescribedPredicate<JavaClass> outsideApi(String contextPackage) {
        String entryPoint = contextPackage + "." + (contextPackage.endsWith("order") ? "OrderModule" : "ShipmentModule");
        return DescribedPredicate.describe("belong to " + contextPackage + " outside its api package",
                javaClass -> javaClass.getPackageName().startsWith(contextPackage)
                        && !javaClass.getPackageName().startsWith(contextPackage + ".api")
                        && !javaClass.getName().equals(entryPoint));
    }

    private static DescribedPredicate<JavaField> annotatedWithAggregateIdentifier() {
        return DescribedPredicate.describe("are annotated with @AggregateIdentifier",
                field -> field.isAnnotatedWith(AggregateIdentifier.class));
    }
}
