package io.churnguard.bench.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;
import io.churnguard.ml.model.Algorithm;
import io.churnguard.ml.model.BoostedModel;
import io.churnguard.ml.model.ChurnTableTraining;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.ScoredRow;
import io.churnguard.ml.model.Scorer;
import io.churnguard.ml.model.TrainingRequest;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.model.gbdt.GradientBoosting;

/**
 * {@code ./churnguard bench models}: trains gradient boosting on a synthetic table
 * through ChurnGuard's training facade and through plain XGBoost4J with the same
 * parameters, then measures batch scoring and reason codes. Prints one JSON object on
 * stdout, progress on stderr.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
		description = "Training time against plain XGBoost4J, scoring and reason-code throughput.")
public final class ModelsBenchmark implements Callable<Integer> {

	@Option(names = "--rows", description = "Training rows (default ${DEFAULT-VALUE}).")
	int rows = 1_000_000;

	@Option(names = "--features", description = "Numeric features (default ${DEFAULT-VALUE}).")
	int features = 40;

	@Option(names = "--rounds", description = "Boosting rounds (default ${DEFAULT-VALUE}).")
	int rounds = 200;

	@Option(names = "--depth", description = "Tree depth (default ${DEFAULT-VALUE}).")
	int depth = 6;

	@Option(names = "--reason-rows", description = "Rows explained with reason codes (default ${DEFAULT-VALUE}).")
	int reasonRows = 100_000;

	@Option(names = "--contrib-rows",
			description = "Rows explained by XGBoost's predictContrib for comparison (default ${DEFAULT-VALUE}).")
	int contribRows = 5_000;

	@Option(names = "--repetitions",
			description = "Alternating training runs of each side; the fastest counts (default ${DEFAULT-VALUE}).")
	int repetitions = 2;

	@Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).")
	long seed = 1;

	@Override
	public Integer call() throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("benchmark", "models");
		out.put("rows", this.rows);
		out.put("features", this.features);
		out.put("rounds", this.rounds);
		out.put("depth", this.depth);
		out.put("cores", Runtime.getRuntime().availableProcessors());
		out.put("repetitions", this.repetitions);
		progress("generating %,d rows x %d features", this.rows, this.features);
		Frame frame = SyntheticTable.frame(this.rows, this.features, this.seed);
		GbdtParameters parameters = GbdtParameters.fixed(this.rounds, this.depth, 0.3, this.seed);

		double plain = Double.POSITIVE_INFINITY;
		double ours = Double.POSITIVE_INFINITY;
		ModelArtifact artifact = null;
		// Alternating runs, best of each: the machine is shared, and the first run also
		// warms
		// up the JIT and the native library.
		for (int rep = 1; rep <= this.repetitions; rep++) {
			progress("run %d/%d: plain XGBoost4J, %d rounds, depth %d", rep, this.repetitions, this.rounds, this.depth);
			double p = plainXgboost(frame, parameters);
			plain = Math.min(plain, p);
			progress("  %.1f s", p);
			progress("run %d/%d: ChurnGuard training facade (encoding, XGBoost, trees, bands, importance, provenance)",
					rep, this.repetitions);
			long start = System.nanoTime();
			artifact = ChurnTableTraining
				.train(TrainingRequest.ofFrame(frame, SyntheticTable.LABEL, "bench")
					.withAlgorithm(Algorithm.GBDT)
					.withGbdtParameters(parameters))
				.artifact();
			double o = (System.nanoTime() - start) / 1e9;
			ours = Math.min(ours, o);
			progress("  %.1f s", o);
		}
		Map<String, Object> training = new LinkedHashMap<>();
		training.put("plainXgboostSeconds", round(plain));
		training.put("churnguardSeconds", round(ours));
		training.put("ratio", round(ours / plain));
		out.put("training", training);

		out.put("scoring", scoring(artifact, frame));
		out.put("reasons", reasons(artifact, frame));
		System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
		return 0;
	}

	/** What a user of XGBoost4J writes: a dense float matrix, a DMatrix, train. */
	private static double plainXgboost(Frame frame, GbdtParameters parameters) throws Exception {
		long start = System.nanoTime();
		List<Column> columns = frame.columns();
		int n = frame.rowCount();
		int p = columns.size() - 1;
		float[] data = new float[n * p];
		float[] labels = new float[n];
		int j = 0;
		for (Column c : columns) {
			double[] v = ((NumericColumn) c).values();
			if (c.name().equals(SyntheticTable.LABEL)) {
				for (int r = 0; r < n; r++) {
					labels[r] = (float) v[r];
				}
				continue;
			}
			for (int r = 0; r < n; r++) {
				data[r * p + j] = (float) v[r];
			}
			j++;
		}
		DMatrix d = new DMatrix(data, n, p, Float.NaN);
		d.setLabel(labels);
		Map<String, Object> params = new HashMap<>(parameters.toXgboost());
		Booster booster = XGBoost.train(d, params, parameters.rounds(), new HashMap<>(), null, null);
		booster.toByteArray("ubj");
		double seconds = (System.nanoTime() - start) / 1e9;
		booster.dispose();
		d.dispose();
		return seconds;
	}

	private Map<String, Object> scoring(ModelArtifact artifact, Frame frame) throws Exception {
		progress("batch scoring %,d rows", frame.rowCount());
		Scorer.probabilities(artifact, frame);
		long start = System.nanoTime();
		double[] p = Scorer.probabilities(artifact, frame);
		double seconds = (System.nanoTime() - start) / 1e9;
		BoostedModel model = (BoostedModel) artifact.model();
		DesignMatrix x = model.pipeline().transform(frame);
		Booster booster = XGBoost.loadModel(model.boosters().get(0));
		start = System.nanoTime();
		DMatrix d = GradientBoosting.dmatrix(x, null);
		float[][] native_ = booster.predict(d);
		double nativeSeconds = (System.nanoTime() - start) / 1e9;
		double maxDiff = 0;
		for (int r = 0; r < p.length; r++) {
			maxDiff = Math.max(maxDiff, Math.abs(p[r] - native_[r][0]));
		}
		d.dispose();
		booster.dispose();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("rowsPerSecond", Math.round(frame.rowCount() / seconds));
		m.put("xgboostPredictRowsPerSecond", Math.round(frame.rowCount() / nativeSeconds));
		m.put("maxAbsDifferenceToXgboost", maxDiff);
		progress("  %,.0f rows/s (XGBoost predict incl. DMatrix: %,.0f rows/s)", frame.rowCount() / seconds,
				frame.rowCount() / nativeSeconds);
		return m;
	}

	private Map<String, Object> reasons(ModelArtifact artifact, Frame frame) throws Exception {
		int n = Math.min(this.reasonRows, frame.rowCount());
		Frame sample = frame.rows(range(n));
		progress("reason codes for %,d rows (TreeSHAP, top 3, sentences in two languages)", n);
		Scorer.score(artifact, frame.rows(range(Math.min(n, 5000))), 3, Map.of());
		long start = System.nanoTime();
		List<ScoredRow> scored = Scorer.score(artifact, sample, 3, Map.of());
		double seconds = (System.nanoTime() - start) / 1e9;
		int m = Math.min(this.contribRows, n);
		progress("XGBoost predictContrib for %,d rows", m);
		BoostedModel model = (BoostedModel) artifact.model();
		DesignMatrix x = model.pipeline().transform(frame.rows(range(m)));
		Booster booster = XGBoost.loadModel(model.boosters().get(0));
		start = System.nanoTime();
		DMatrix d = GradientBoosting.dmatrix(x, null);
		float[][] contrib = booster.predictContrib(d, 0);
		double contribSeconds = (System.nanoTime() - start) / 1e9;
		double[] ours = model.treeShap().explain(x);
		int width = x.columns() + 1;
		double maxDiff = 0;
		for (int r = 0; r < m; r++) {
			for (int k = 0; k < width; k++) {
				maxDiff = Math.max(maxDiff, Math.abs(ours[r * width + k] - contrib[r][k]));
			}
		}
		d.dispose();
		booster.dispose();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rowsPerSecond", Math.round(scored.size() / seconds));
		out.put("xgboostPredictContribRowsPerSecond", Math.round(m / contribSeconds));
		out.put("maxAbsDifferenceToXgboostShap", maxDiff);
		out.put("example", scored.get(0).reasons().isEmpty() ? "" : scored.get(0).reasons().get(0).en());
		progress("  %,.0f rows/s; XGBoost predictContrib %,.0f rows/s; max |difference| %.2e", scored.size() / seconds,
				m / contribSeconds, maxDiff);
		return out;
	}

	private static int[] range(int n) {
		int[] r = new int[n];
		for (int i = 0; i < n; i++) {
			r[i] = i;
		}
		return r;
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private static void progress(String format, Object... args) {
		System.err.printf(format + "%n", args);
	}

	/**
	 * A synthetic churn table of numeric features with missing values and interactions.
	 */
	static final class SyntheticTable {

		static final String LABEL = "churned";

		private SyntheticTable() {
		}

		static Frame frame(int rows, int features, long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			double[][] x = new double[features][rows];
			double[] y = new double[rows];
			for (int r = 0; r < rows; r++) {
				double eta = -1;
				for (int j = 0; j < features; j++) {
					double v = switch (j % 4) {
						case 0 -> random.nextGaussian();
						case 1 -> Math.exp(random.nextGaussian());
						case 2 -> random.nextInt(10);
						default -> random.nextDouble();
					};
					x[j][r] = (random.nextInt(50) == 0) ? Double.NaN : v;
				}
				for (int j = 0; j < Math.min(features, 8); j++) {
					double v = Double.isNaN(x[j][r]) ? 0 : x[j][r];
					eta += ((j % 2 == 0) ? 0.4 : -0.3) * Math.min(v, 4);
				}
				if (!Double.isNaN(x[0][r]) && !Double.isNaN(x[1][r]) && x[0][r] > 0.5 && x[1][r] > 1) {
					eta += 1.2;
				}
				y[r] = (random.nextDouble() < 1 / (1 + Math.exp(-eta))) ? 1 : 0;
			}
			List<Column> columns = new ArrayList<>();
			for (int j = 0; j < features; j++) {
				columns.add(NumericColumn.of(String.format("f%02d", j), x[j]));
			}
			columns.add(NumericColumn.of(LABEL, y));
			return Frame.of(columns);
		}

	}

}
