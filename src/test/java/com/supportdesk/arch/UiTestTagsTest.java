package com.supportdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class that drives the JavaFX toolkit carries {@code @Tag("ui")}, so {@code -DexcludedGroups=ui} runs
 * the tests that need no toolkit (README, "Development"). View-model tests use JavaFX properties only and are unit
 * tests.
 */
class UiTestTagsTest {

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("com.supportdesk");

    private static final DescribedPredicate<JavaClass> USES_THE_TOOLKIT = DescribedPredicate.describe(
            "use TestFX or the JavaFX toolkit (scene graph, stages, the FX thread)",
            c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> {
                String pkg = d.getTargetClass().getPackageName();
                return pkg.startsWith("org.testfx") || pkg.startsWith("javafx.scene") || pkg.startsWith("javafx.stage")
                        || pkg.startsWith("javafx.application");
            }));

    private static final DescribedPredicate<JavaClass> TAGGED_UI = DescribedPredicate.describe(
            "annotated with @Tag(\"ui\")", c -> c.tryGetAnnotationOfType(Tag.class)
                    .map(t -> t.value().equals("ui")).orElse(false));

    @Test
    void testsThatUseTheToolkitAreTaggedUi() {
        classes().that().haveSimpleNameEndingWith("Test").and(USES_THE_TOOLKIT)
                .should(ArchConditions.be(TAGGED_UI))
                .check(TESTS);
    }
}
