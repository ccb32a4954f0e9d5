package io.churnguard.app.cli;

/** Facts about the command-line session. */
final class Cli {

	private Cli() {
	}

	/**
	 * The audit actor of a CLI run: the operating-system user, marked as coming from the
	 * CLI.
	 */
	static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

}
