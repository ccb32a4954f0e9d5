package io.churnguard.ml.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.churnguard.ml.data.TypeInference;
import io.churnguard.ml.eval.Evaluation;
import io.churnguard.ml.explain.Reason;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.report.HtmlReport;
import io.churnguard.ml.testing.SyntheticChurn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChurnTableTrainingTest {

	private static final GbdtParameters SMALL = GbdtParameters.fixed(30, 3, 0.2, 1);

	private static Path table(Path dir, int rows, long seed) throws Exception {
		Path file = dir.resolve("churn.csv");
		Files.writeString(file, SyntheticChurn.csv(rows, seed), StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void theResultPrintsAsTheCliContractsJsonObject(@TempDir Path dir) throws Exception {
		TrainingOutcome outcome = ChurnTableTraining.train(TrainingRequest.ofFile(table(dir, 1500, 1), "churn")
			.withAlgorithm(Algorithm.LR)
			.withCv(3)
			.withHoldout(0.2));
		JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(outcome.result()));
		assertThat(json.path("algorithm").asText()).isEqualTo("lr");
		assertThat(json.path("rows").asInt()).isEqualTo(1500);
		assertThat(json.path("features").asInt()).isEqualTo(6);
		for (String key : List.of("auc", "accuracy", "logloss", "brier", "topDecileLift")) {
			assertThat(json.path("cv").path(key).isNumber()).as("cv." + key).isTrue();
			assertThat(json.path("holdout").path(key).isNumber()).as("holdout." + key).isTrue();
		}
		assertThat(json.path("cv").path("auc").asDouble()).isGreaterThan(0.75);
		assertThat(json.path("droppedColumns").toString()).contains("customer_id");
		assertThat(json.path("holdout").path("rows").asInt()).isEqualTo(300);
	}

	@Test
	void autoComparesTheCandidatesByCrossValidatedAucAndSaysSo(@TempDir Path dir) throws Exception {
		TrainingOutcome outcome = ChurnTableTraining
			.train(TrainingRequest.ofFile(table(dir, 800, 2), "churn").withGbdtParameters(SMALL));
		TrainingResult.Selection selection = outcome.result().selection();
		assertThat(selection.cvAuc()).containsOnlyKeys("lr", "gbdt", "blend");
		double best = selection.cvAuc().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		assertThat(selection.cvAuc().get(selection.chosen())).isEqualTo(best);
		assertThat(outcome.result().algorithm()).isEqualTo(selection.chosen());
		assertThat(outcome.result().notes()).anyMatch((n) -> n.startsWith("auto chose " + selection.chosen()));
		assertThat(outcome.result().cv()).isNull();
	}

	@Test
	void aCustomerWithManyComplaintsHearsAboutThemFirst(@TempDir Path dir) throws Exception {
		Path file = table(dir, 1500, 3);
		ModelArtifact artifact = ChurnTableTraining
			.train(TrainingRequest.ofFile(file, "churn").withAlgorithm(Algorithm.GBDT).withGbdtParameters(SMALL))
			.artifact();
		var frame = TypeInference.read(file).frame();
		List<ScoredRow> scores = Scorer.score(artifact, frame);
		assertThat(scores).hasSize(1500);
		ScoredRow worst = scores.stream().max((a, b) -> Double.compare(a.probability(), b.probability())).orElseThrow();
		assertThat(worst.riskBand()).isEqualTo("high");
		assertThat(worst.id()).startsWith("C");
		assertThat(worst.modelId()).isEqualTo(artifact.modelId());
		assertThat(worst.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat(worst.reasons()).extracting(Reason::contribution).allMatch((c) -> c > 0);
		long withComplaintReasonFirst = scores.stream()
			.filter((s) -> s.probability() > 0.8 && !s.reasons().isEmpty())
			.filter((s) -> s.reasons().get(0).feature().equals("complaints_90d"))
			.count();
		assertThat(withComplaintReasonFirst).isPositive();
		Reason complaint = scores.stream()
			.flatMap((s) -> s.reasons().stream())
			.filter((r) -> r.feature().equals("complaints_90d"))
			.findFirst()
			.orElseThrow();
		assertThat(complaint.en()).matches("complaints_90d = \\d+ \\(typical: 0\\)");
		assertThat(complaint.zh()).matches("complaints_90d = \\d+（通常为 0）");
		Map<String, Long> bands = scores.stream()
			.collect(java.util.stream.Collectors.groupingBy(ScoredRow::riskBand,
					java.util.stream.Collectors.counting()));
		assertThat(bands.get("high")).isBetween(100L, 200L);
	}

	@Test
	void reasonsExplainTheScoreExactly(@TempDir Path dir) throws Exception {
		Path file = table(dir, 600, 4);
		for (Algorithm algorithm : List.of(Algorithm.LR, Algorithm.GBDT, Algorithm.BLEND)) {
			ModelArtifact artifact = ChurnTableTraining
				.train(TrainingRequest.ofFile(file, "churn").withAlgorithm(algorithm).withGbdtParameters(SMALL))
				.artifact();
			var frame = TypeInference.read(file).frame();
			var explanation = artifact.model().explain(frame);
			double[] margins = artifact.model().margins(frame);
			for (int r = 0; r < frame.rowCount(); r++) {
				double sum = explanation.bias()[r];
				for (int j = 0; j < explanation.sources().size(); j++) {
					sum += explanation.get(r, j);
				}
				assertThat(sum).as("%s row %d", algorithm, r).isCloseTo(margins[r], within(1e-5));
			}
		}
	}

	@Test
	void aSavedModelEvaluatesOnNewDataLikeTheHoldout(@TempDir Path dir) throws Exception {
		Path file = table(dir, 1000, 5);
		TrainingOutcome outcome = ChurnTableTraining
			.train(TrainingRequest.ofFile(file, "churn").withAlgorithm(Algorithm.LR).withHoldout(0.3).withSeed(9));
		outcome.artifact().save(dir.resolve("model"));
		ModelArtifact loaded = ModelArtifact.load(dir.resolve("model"));
		Path fresh = dir.resolve("fresh.csv");
		Files.writeString(fresh, SyntheticChurn.csv(1000, 6), StandardCharsets.UTF_8);
		Evaluation e = ModelEvaluation.evaluate(loaded, Scorer.read(loaded, fresh), "churn", null);
		assertThat(e.rows()).isEqualTo(1000);
		assertThat(e.auc()).isCloseTo(outcome.result().holdout().auc(), within(0.06));
	}

	@Test
	void theReportIsOneOfflinePageWithChartsAndTheCoefficientTable(@TempDir Path dir) throws Exception {
		TrainingOutcome outcome = ChurnTableTraining
			.train(TrainingRequest.ofFile(table(dir, 800, 7), "churn").withAlgorithm(Algorithm.LR).withCv(3));
		String html = HtmlReport.render(outcome);
		assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>");
		assertThat(html).contains("<svg", "ROC curve", "Cumulative gains", "Lift by decile", "Calibration");
		assertThat(html).contains("Logistic regression coefficients", "complaints_90d", "p-value", "odds ratio");
		assertThat(html).contains("Feature importance", "套餐");
		assertThat(html).doesNotContain("<script", "http://cdn", "https://", "<link");
	}

	@Test
	void anInMemoryFrameTrainsLikeAFile(@TempDir Path dir) throws Exception {
		Path file = table(dir, 600, 8);
		var frame = TypeInference.read(file).frame();
		TrainingOutcome fromFrame = ChurnTableTraining.train(TrainingRequest.ofFrame(frame, "churn", "features")
			.withExclude(List.of("customer_id"))
			.withAlgorithm(Algorithm.LR));
		TrainingOutcome fromFile = ChurnTableTraining
			.train(TrainingRequest.ofFile(file, "churn").withAlgorithm(Algorithm.LR));
		assertThat(fromFrame.logisticFit().coefficients()).isEqualTo(fromFile.logisticFit().coefficients());
		assertThat(fromFrame.artifact().idColumn()).isEqualTo("customer_id");
	}

}
