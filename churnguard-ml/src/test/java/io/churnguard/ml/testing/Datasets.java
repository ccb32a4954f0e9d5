package io.churnguard.ml.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared public datasets by walking up from the working directory to a folder
 * that has {@code shared/datasets}, and skips the test when there is none.
 */
public final class Datasets {

	private Datasets() {
	}

	/**
	 * A dataset file, or a skipped test.
	 * @param relative the path below {@code shared/datasets}
	 * @return the file
	 */
	public static Path require(String relative) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared/datasets").resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
			dir = dir.getParent();
		}
		Assumptions.abort("shared/datasets/" + relative + " is not available");
		return null;
	}

	/** IBM Telco customer churn. */
	public static Path telco() {
		return require("telco-ibm/WA_Fn-UseC_-Telco-Customer-Churn.csv");
	}

	/** China Unicom customer survival, Chinese header. */
	public static Path unicom() {
		return require("china-unicom-survival/CustomerSurvival-zh.csv");
	}

}
