package io.churnguard.app.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The public datasets in {@code ../shared/datasets} next to the repository. Tests that
 * use them are skipped where they are absent; the files are never copied into the
 * repository.
 */
public final class Datasets {

	private Datasets() {
	}

	public static Path path(String relative) {
		Path root = repositoryRoot().getParent().resolve("shared").resolve("datasets");
		Path file = root.resolve(relative);
		Assumptions.assumeTrue(Files.isReadable(file), "dataset not available: " + file);
		return file;
	}

	public static Path repositoryFile(String relative) {
		return repositoryRoot().resolve(relative);
	}

	/**
	 * The directory holding the root pom, found from the module directory tests run in.
	 */
	static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.exists(dir.resolve("churnguard-app")) && Files.exists(dir.resolve("pom.xml")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
