package io.churnguard.ml.model;

import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.gbdt.GradientBoosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A model saved by an earlier version still loads and scores exactly as it did: the files
 * under {@code src/test/resources/golden} were written by {@code GoldenFiles} and are
 * never regenerated casually.
 */
class ModelArtifactGoldenTest {

	private static Path golden(String name) throws URISyntaxException {
		return Path.of(ModelArtifactGoldenTest.class.getResource("/golden/" + name).toURI());
	}

	@ParameterizedTest
	@ValueSource(strings = { "lr", "gbdt" })
	void aSavedModelReloadsAndScoresExactlyAsWhenItWasSaved(String algorithm) throws Exception {
		ModelArtifact artifact = ModelArtifact.load(golden(algorithm + "-model"));
		Frame customers = Scorer.read(artifact, golden("customers.csv"));
		StringWriter out = new StringWriter();
		Scorer.writeCsv(Scorer.score(artifact, customers), 3, out);
		String expected = Files.readString(golden(algorithm + "-scores.csv"), StandardCharsets.UTF_8);
		assertThat(out.toString()).isEqualTo(expected);
		assertThat(artifact.algorithm().code()).isEqualTo(algorithm);
	}

	@ParameterizedTest
	@ValueSource(strings = { "lr", "gbdt" })
	void savingAgainGivesTheSameModelId(String algorithm, @TempDir Path dir) throws Exception {
		ModelArtifact artifact = ModelArtifact.load(golden(algorithm + "-model"));
		artifact.save(dir);
		// Byte for byte the file it was loaded from: were any value to come out
		// differently,
		// the failure shows which, rather than only a different digest.
		assertThat(Files.readString(dir.resolve("model.json"), StandardCharsets.UTF_8))
			.isEqualTo(Files.readString(golden(algorithm + "-model").resolve("model.json"), StandardCharsets.UTF_8));
		ModelArtifact again = ModelArtifact.load(dir);
		assertThat(again.withComputedId().modelId()).isEqualTo(artifact.modelId());
		Frame customers = Scorer.read(again, golden("customers.csv"));
		assertThat(again.probabilities(customers)).containsExactly(artifact.probabilities(customers));
	}

	@ParameterizedTest
	@ValueSource(strings = { "gbdt" })
	void theStoredBoosterIsPlainXgboostUbjsonThatXgboostItselfScoresTheSame(String algorithm) throws Exception {
		Path dir = golden(algorithm + "-model");
		ModelArtifact artifact = ModelArtifact.load(dir);
		BoostedModel model = (BoostedModel) artifact.model();
		Frame customers = Scorer.read(artifact, golden("customers.csv"));
		DesignMatrix x = model.pipeline().transform(customers);
		List<String> files = model.boosterFiles();
		assertThat(files).hasSize(1);
		Booster booster = XGBoost.loadModel(Files.readAllBytes(dir.resolve(files.get(0))));
		DMatrix d = GradientBoosting.dmatrix(x, null);
		float[][] xgboost = booster.predict(d);
		double[] ours = artifact.probabilities(customers);
		for (int r = 0; r < ours.length; r++) {
			assertThat(ours[r]).isCloseTo(xgboost[r][0], within(1e-6));
		}
		d.dispose();
		booster.dispose();
	}

}
