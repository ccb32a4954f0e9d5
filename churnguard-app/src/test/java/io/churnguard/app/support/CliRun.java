package io.churnguard.app.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.churnguard.app.cli.ChurnGuardCli;

/**
 * One run of the command line inside a test, with what it printed. Run against a test's
 * {@code --data-dir}, the CLI finds the embedded PostgreSQL the test's server started and
 * connects to it.
 *
 * @param exitCode the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error (logging included)
 */
public record CliRun(int exitCode, String out, String err) {

	/**
	 * Runs the command line with the given arguments.
	 * @param args the arguments, e.g. {@code "audit", "verify", "--data-dir", dir}
	 * @return the exit code and output
	 */
	public static CliRun of(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		int exitCode;
		try {
			System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
			exitCode = ChurnGuardCli.execute(args);
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
		return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
