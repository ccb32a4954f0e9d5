package io.churnguard.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command and its subcommands. */
@Command(name = "churnguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = { "ChurnGuard — customer churn early-warning and retention platform (客户流失预警与挽留平台).",
				"Results go to stdout (JSON where machine-readable), progress to stderr." },
		subcommands = { ServeCommand.class, DemoCommand.class, SimulateCommand.class, ImportCommand.class,
				FeaturesCommand.class, TrainCommand.class, ScoreCommand.class, EvaluateCommand.class,
				CampaignCommand.class, AuditCommand.class, CommandLine.HelpCommand.class })
public final class ChurnGuardCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	/**
	 * Runs the command line.
	 * @param args the arguments
	 * @return the process exit code
	 */
	public static int execute(String... args) {
		CommandLine commandLine = new CommandLine(new ChurnGuardCli());
		commandLine.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
		commandLine.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		return commandLine.execute(args);
	}

}
