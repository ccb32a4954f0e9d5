package io.churnguard.ml;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ML core must stay usable from the CLI, Spark and tests alike, so it may not reach
 * for Spring or a database.
 */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.churnguard.ml");

	@Test
	void theCoreNeverDependsOnSpring() {
		ArchRule rule = noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");
		rule.allowEmptyShould(true).check(this.classes);
	}

	@Test
	void theCoreNeverDependsOnJdbc() {
		ArchRule rule = noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..");
		rule.allowEmptyShould(true).check(this.classes);
	}

}
