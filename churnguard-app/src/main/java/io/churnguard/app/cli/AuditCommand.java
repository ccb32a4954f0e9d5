package io.churnguard.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.churnguard.app.security.AuditTrail;
import io.churnguard.app.security.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit log.",
		subcommands = { AuditCommand.Verify.class })
final class AuditCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Check the audit log's hash chain. Prints a JSON report on stdout.",
					"Exit code 0 when intact, 1 when a row was edited, deleted or inserted." })
	static final class Verify implements Callable<Integer> {

		@Option(names = "--data-dir", description = "Workspace directory (default: ./data).")
		Path dataDir;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() {
			List<String> arguments = new ArrayList<>();
			if (this.dataDir != null) {
				arguments.add("--churnguard.data-dir=" + this.dataDir);
			}
			try (ConfigurableApplicationContext context = SpringLauncher.headless(arguments)) {
				AuditVerification result = context.getBean(AuditTrail.class).verify(Cli.actor());
				this.spec.commandLine().getOut().println(Json.pretty(result));
				if (!result.intact()) {
					result.problems()
						.forEach(problem -> this.spec.commandLine()
							.getErr()
							.println("row " + problem.id() + ": " + problem.reason()));
				}
				return result.intact() ? 0 : 1;
			}
		}

	}

}
