package com.supportdesk.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import javafx.beans.property.ReadOnlyProperty;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LayerRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.supportdesk");

    /** The shell: the main window and the desk, which compose the features. */
    private static final String UI = "com.supportdesk.ui";
    /** What every UI feature shares: background work, dialogs, the theme, actions, the session. */
    private static final String COMMON = UI + ".common";

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("com.supportdesk.ui..", "com.supportdesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
                .check(MAIN);
    }

    /**
     * JDBC stays in the store: mail, phone, the desk and the command line work through repositories and, where
     * several calls must commit together, a {@code store.Tx} (docs/architecture.md, "Storage").
     */
    @Test
    void onlyTheStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("com.supportdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.postgresql..")
                .check(MAIN);
    }

    /** The UI's feature packages (board, ticket, admin, mail, phone, …): every package under ui but common. */
    static List<String> features() {
        return MAIN.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith(UI + "."))
                .map(p -> p.substring(UI.length() + 1).split("\\.")[0]).filter(f -> !f.equals("common"))
                .distinct().sorted().toList();
    }

    @Test
    void theFeaturesAreFound() {
        assertThat(features()).contains("admin", "board", "lead", "mail", "phone", "report", "signin", "ticket");
    }

    @Test
    void uiCommonDependsOnNoFeatureAndNotOnTheShell() {
        List<String> forbidden = new ArrayList<>(features().stream().map(f -> UI + "." + f + "..").toList());
        forbidden.add(UI);
        noClasses().that().resideInAPackage(COMMON + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("ui.common is what the features share; it knows none of them")
                .check(MAIN);
    }

    /** A feature uses ui.common (and the layers below the UI), never another feature nor the shell that composes them. */
    @TestFactory
    Stream<DynamicTest> featurePackagesDependOnCommonNotOnEachOther() {
        List<String> features = features();
        return features.stream().map(feature -> DynamicTest.dynamicTest("ui." + feature, () -> {
            List<String> others = new ArrayList<>(features.stream().filter(f -> !f.equals(feature))
                    .map(f -> UI + "." + f + "..").toList());
            others.add(UI);
            noClasses().that().resideInAPackage(UI + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .because("UI features depend on ui.common, not on each other or on the shell")
                    .check(MAIN);
        }));
    }

    /** JavaFX's own convention: a property is read through {@code fooProperty()} (never a bare {@code foo()}). */
    @Test
    void propertiesAreNamedTheJavaFxWay() {
        methods().that().areDeclaredInClassesThat().resideInAPackage(UI + "..").and().arePublic()
                .and().haveRawReturnType(assignableTo(ReadOnlyProperty.class))
                .should().haveNameMatching(".+Property")
                .check(MAIN);
    }

    @Test
    void uiPackagesAreFreeOfCycles() {
        slices().matching("com.supportdesk.(ui).(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
