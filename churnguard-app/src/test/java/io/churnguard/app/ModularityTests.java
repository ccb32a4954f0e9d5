package io.churnguard.app;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each package under {@code io.churnguard.app} is a module whose {@code internal} package
 * is private; this fails when one module reaches into another's internals or modules form
 * a cycle, and it writes the module diagram into {@code docs/architecture}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ChurnGuardApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDiagramIntoTheDocs() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("../docs/architecture"))
			.writeModulesAsPlantUml(Documenter.DiagramOptions.defaults())
			.writeModuleCanvases();
	}

}
