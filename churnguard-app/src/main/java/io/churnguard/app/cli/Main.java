package io.churnguard.app.cli;

/** The executable jar's entry point: {@code ./churnguard <command>}. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(ChurnGuardCli.execute(args));
	}

}
