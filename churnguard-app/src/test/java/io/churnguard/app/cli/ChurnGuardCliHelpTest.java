package io.churnguard.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnGuardCliHelpTest {

	@Test
	void everyCommandsHelpRendersWithoutFormattingWarnings() {
		// Picocli formats descriptions with String.format and, when one fails (a lone
		// "%" such as "95 % interval"), prints the raw text after a warning on stderr.
		PrintStream stderr = System.err;
		ByteArrayOutputStream warnings = new ByteArrayOutputStream();
		StringWriter help = new StringWriter();
		try {
			System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
			render(new CommandLine(new ChurnGuardCli()), new PrintWriter(help));
		}
		finally {
			System.setErr(stderr);
		}
		assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(help.toString()).contains("auc (with its 95 % interval)", "Usage: churnguard train");
	}

	private static void render(CommandLine command, PrintWriter out) {
		command.usage(out);
		command.getSubcommands().values().forEach(sub -> render(sub, out));
	}

}
