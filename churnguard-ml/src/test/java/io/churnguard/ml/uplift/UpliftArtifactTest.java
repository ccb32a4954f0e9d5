package io.churnguard.ml.uplift;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpliftArtifactTest {

	private static final SyntheticCampaign PAST = new SyntheticCampaign(3_000, 11);

	private static final SyntheticCampaign NEXT = new SyntheticCampaign(500, 12);

	@TempDir
	Path dir;

	@Test
	void aStoredXLearnerAndTwoModelLearnerLoadAndScoreExactlyAsTrained() {
		Map<String, UpliftModel> models = new LinkedHashMap<>();
		models.put("discount",
				new UpliftTrainer(UpliftLearner.X_LEARNER, UpliftTrainer.defaultParameters(3)).train(PAST.sample()));
		models.put("callback",
				new UpliftTrainer(UpliftLearner.TWO_MODEL, UpliftTrainer.defaultParameters(3)).train(PAST.sample()));
		UpliftArtifact artifact = UpliftArtifact.of(UpliftLearner.X_LEARNER, UpliftTrainer.defaultParameters(3), models,
				Map.of("campaigns", java.util.List.of(1, 2)));
		artifact.save(this.dir);

		UpliftArtifact loaded = UpliftArtifact.load(this.dir);

		assertThat(loaded.modelId()).startsWith("up-").isEqualTo(artifact.modelId());
		assertThat(loaded.actions()).containsExactly("callback", "discount");
		assertThat(loaded.models().get("discount")).isInstanceOf(XLearnerUplift.class);
		assertThat(loaded.models().get("callback")).isInstanceOf(TwoModelUplift.class);
		for (String action : loaded.actions()) {
			assertThat(loaded.models().get(action).uplift(NEXT.features))
				.containsExactly(models.get(action).uplift(NEXT.features));
			assertThat(loaded.models().get(action).churnWithoutAction(NEXT.features))
				.containsExactly(models.get(action).churnWithoutAction(NEXT.features));
		}
		assertThat(((XLearnerUplift) loaded.models().get("discount")).propensity())
			.isEqualTo(((XLearnerUplift) models.get("discount")).propensity());
		assertThat(loaded.provenance()).containsEntry("campaigns", java.util.List.of(1, 2));
		assertThat(UpliftArtifact.of(loaded.learner(), loaded.parameters(), loaded.models(), loaded.provenance())
			.modelId()).as("the id is a digest of the content").isEqualTo(artifact.modelId());
	}

	@Test
	void theFilesAreJsonMetadataAndXgboostBoostersNamedByContent() {
		UpliftArtifact artifact = UpliftArtifact.of(UpliftLearner.X_LEARNER, UpliftTrainer.defaultParameters(3), Map.of(
				"discount",
				new UpliftTrainer(UpliftLearner.X_LEARNER, UpliftTrainer.defaultParameters(3)).train(PAST.sample())),
				Map.of());
		Map<String, byte[]> files = artifact.files();
		assertThat(files.keySet()).first().isEqualTo(UpliftArtifact.METADATA);
		assertThat(files.keySet().stream().filter(n -> n.matches("booster-[0-9a-f]{12}\\.ubj"))).hasSize(4);
		String metadata = new String(files.get(UpliftArtifact.METADATA), StandardCharsets.UTF_8);
		assertThat(metadata).contains("\"learner\" : \"X_LEARNER\"", "\"controlEffect\"", "\"pipeline\"");

		files.remove(files.keySet().stream().filter(n -> n.endsWith(".ubj")).findFirst().orElseThrow());
		assertThatThrownBy(() -> UpliftArtifact.fromFiles(files)).hasMessageContaining("is missing");
	}

}
