package io.churnguard.bench.app;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The options every benchmark of the whole application takes to find and run the
 * application jar, and the seed of the company it simulates, as a picocli {@code @Mixin}.
 * The size of the company ({@code --customers}, {@code --months}) stays with each
 * benchmark: their defaults differ.
 */
public class AppOptions {

	@Option(names = "--app-jar", description = "The application jar (default: churnguard-app/target/churnguard.jar).")
	Path appJar;

	@Option(names = "--app-jvm-options", defaultValue = "",
			description = "JVM options of the server and CLI processes (default: none, as ./churnguard runs them).")
	String appJvmOptions;

	@Option(names = "--seed", defaultValue = "1", description = "Simulator seed (${DEFAULT-VALUE}).")
	long seed;

	/**
	 * The application jar named by the options.
	 * @return the jar with the JVM options to run it with
	 */
	public AppJar locate() {
		return AppJar.locate(this.appJar, this.appJvmOptions);
	}

	/**
	 * The simulated company's seed.
	 * @return the {@code --seed}
	 */
	public long seed() {
		return this.seed;
	}

}
