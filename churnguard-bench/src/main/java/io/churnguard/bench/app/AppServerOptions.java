package io.churnguard.bench.app;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that load a company into a server's workspace, as a
 * picocli {@code @Mixin}: the application's, and a {@code --work-dir} that, when named,
 * is kept, so the company loaded there is reused by the next run; without one a temporary
 * directory is used and deleted.
 */
public final class AppServerOptions extends AppOptions {

	@Option(names = "--work-dir",
			description = "Directory to work in, kept; a company loaded there before is reused. Default: a temporary one.")
	Path workDir;

	/**
	 * Opens the directory to work in.
	 * @param prefix the temporary directory's prefix
	 * @return the directory
	 */
	public Path openWorkDir(String prefix) {
		return Workspaces.open(this.workDir, prefix);
	}

	/**
	 * Deletes the directory unless it was named with {@code --work-dir}.
	 * @param dir the directory {@link #openWorkDir(String)} returned
	 */
	public void deleteUnlessKept(Path dir) {
		if (this.workDir == null) {
			Workspaces.delete(dir);
		}
	}

}
