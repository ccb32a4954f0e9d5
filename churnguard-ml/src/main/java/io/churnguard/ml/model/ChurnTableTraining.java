package io.churnguard.ml.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.ColumnSpec;
import io.churnguard.ml.data.ColumnType;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.InferredTable;
import io.churnguard.ml.data.NumericColumn;
import io.churnguard.ml.data.PipelineOptions;
import io.churnguard.ml.data.TypeInference;
import io.churnguard.ml.eval.Calibrator;
import io.churnguard.ml.eval.CvSummary;
import io.churnguard.ml.eval.Evaluation;
import io.churnguard.ml.eval.Folds;
import io.churnguard.ml.eval.Metrics;
import io.churnguard.ml.explain.Explanation;
import io.churnguard.ml.model.gbdt.GbdtFit;
import io.churnguard.ml.model.gbdt.GradientBoosting;
import io.churnguard.ml.model.lr.LogisticRegression;
import io.churnguard.ml.model.lr.LogisticRegressionFit;

/**
 * Trains a churn model from any churn table, the use case behind
 * {@code ./churnguard train}: read and type the table, encode the label, leave out
 * excluded, id-like and constant columns, cross-validate the candidates (every fold
 * refits the whole procedure, encoding and parameter search included), choose, fit the
 * final model, evaluate it on the holdout, and package it with risk bands, importance and
 * provenance.
 */
public final class ChurnTableTraining {

	/** Cross-validation folds of {@code auto} when the request asks for none. */
	public static final int AUTO_FOLDS = 5;

	/** Out-of-fold calibration error beyond which a Platt calibrator is attached. */
	static final double CALIBRATION_TOLERANCE = 0.05;

	private static final int IMPORTANCE_SAMPLE = 2000;

	/**
	 * Rows whose in-sample scores set the risk bands when there are no out-of-fold
	 * scores.
	 */
	private static final int BAND_SAMPLE = 100_000;

	private ChurnTableTraining() {
	}

	/**
	 * Trains.
	 * @param request what to train
	 * @return the result, the artifact and the evaluations
	 */
	public static TrainingOutcome train(TrainingRequest request) {
		List<String> notes = new ArrayList<>();
		Frame frame;
		List<String> idLike = new ArrayList<>();
		List<String> constant = new ArrayList<>();
		String source = request.source();
		if (request.frame() != null) {
			frame = request.frame();
		}
		else {
			InferredTable table = TypeInference.read(request.data());
			frame = table.frame();
			idLike.addAll(table.idLikeColumns());
			constant.addAll(table.constantColumns());
			source = table.source();
			for (String note : table.notes()) {
				if (!note.contains("'" + request.label() + "'")) {
					notes.add(note);
				}
			}
		}
		Column labelColumn = frame.column(request.label());
		Labels.Encoded labels = Labels.encode(labelColumn, request.positive());
		if (labels.missing() > 0) {
			notes.add(labels.missing() + " row(s) without a label were left out");
		}
		Frame labelled = (labels.missing() > 0) ? frame.rows(labels.rows()) : frame;
		Set<String> dropped = new LinkedHashSet<>();
		for (String e : request.exclude()) {
			if (frame.find(e).isEmpty()) {
				notes.add("Excluded column '" + e + "' is not in the data");
			}
			else {
				dropped.add(e);
			}
		}
		dropped.addAll(idLike);
		dropped.addAll(constant);
		dropped.remove(request.label());
		Set<String> notFeatures = new LinkedHashSet<>(dropped);
		notFeatures.add(request.label());
		Frame features = labelled.without(notFeatures);
		if (features.columns().isEmpty()) {
			throw new IllegalArgumentException("No feature columns are left to learn from");
		}
		String idColumn = null;
		for (String name : frame.columnNames()) {
			if ((request.exclude().contains(name) || idLike.contains(name)) && !name.equals(request.label())) {
				idColumn = name;
				break;
			}
		}
		int[] y = labels.y();
		int[] trainRows = allRows(y.length);
		int[] holdRows = null;
		if (request.holdoutFraction() > 0) {
			Folds.Split split = Folds.holdout(y, request.holdoutFraction(), request.seed());
			trainRows = split.train();
			holdRows = split.test();
		}
		// Without a holdout the training rows are all rows: no copy of a large table.
		Frame trainFrame = (holdRows == null) ? features : features.rows(trainRows);
		int[] yTrain = subset(y, trainRows);

		List<Algorithm> candidates = (request.algorithm() == Algorithm.AUTO)
				? List.of(Algorithm.LR, Algorithm.GBDT, Algorithm.BLEND) : List.of(request.algorithm());
		int folds = (request.cvFolds() >= 2) ? request.cvFolds()
				: (request.algorithm() == Algorithm.AUTO) ? AUTO_FOLDS : 0;
		Map<Algorithm, double[]> oof = new EnumMap<>(Algorithm.class);
		Map<Algorithm, List<Evaluation>> foldEvaluations = new EnumMap<>(Algorithm.class);
		double blendWeight = 0.5;
		if (folds > 0) {
			blendWeight = crossValidate(request, trainFrame, yTrain, candidates, folds, oof, foldEvaluations);
		}
		Algorithm chosen = candidates.get(0);
		TrainingResult.Selection selection = null;
		if (request.algorithm() == Algorithm.AUTO) {
			Map<String, Double> aucs = new LinkedHashMap<>();
			for (Algorithm a : candidates) {
				double auc = CvSummary.of(foldEvaluations.get(a)).auc();
				aucs.put(a.code(), auc);
				if (auc > aucs.get(chosen.code())) {
					chosen = a;
				}
			}
			selection = new TrainingResult.Selection(chosen.code(), folds, aucs, reason(chosen, aucs, folds));
			notes.add(selection.reason());
		}
		ChurnModel model = fit(chosen, trainFrame, yTrain, request, request.seed(), blendWeight);
		if (chosen == Algorithm.BLEND) {
			notes.add(String.format(Locale.ROOT, "Blend: %.0f %% gradient boosting, %.0f %% spline logistic regression",
					blendWeight * 100, (1 - blendWeight) * 100));
		}
		double[] trainScores = (oof.containsKey(chosen)) ? oof.get(chosen)
				: sigmoid(model.margins(sample(trainFrame, BAND_SAMPLE)));
		Calibrator calibrator = null;
		if (oof.containsKey(chosen)) {
			double error = Metrics.expectedCalibrationError(Metrics.calibration(yTrain, oof.get(chosen), 10));
			if (error > CALIBRATION_TOLERANCE) {
				calibrator = Calibrator.platt(yTrain, oof.get(chosen));
				trainScores = applyAll(calibrator, trainScores);
				notes.add(String.format(Locale.ROOT,
						"Out-of-fold calibration error %.3f exceeded %.2f: probabilities are recalibrated by Platt scaling",
						error, CALIBRATION_TOLERANCE));
			}
		}
		describe(model, notes);
		List<ColumnSpec> schema = new ArrayList<>();
		for (Column c : features.columns()) {
			schema.add(ColumnSpec.of(c));
		}
		if (idColumn != null) {
			schema.add(new ColumnSpec(idColumn, ColumnType.CATEGORICAL, null, null));
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("algorithm", request.algorithm().code());
		parameters.put("cvFolds", folds);
		parameters.put("holdoutFraction", request.holdoutFraction());
		parameters.put("seed", request.seed());
		parameters.put("threshold", request.threshold());
		parameters.put("exclude", request.exclude());
		parameters.put("l2", request.l2());
		if (request.gbdtParameters() != null) {
			parameters.put("gbdt", request.gbdtParameters());
		}
		Provenance provenance = Provenance.of(trainFrame.with(labelColumnOf(labelled, request.label(), trainRows)),
				source, parameters);
		ModelArtifact draft = new ModelArtifact(ModelArtifact.FORMAT_VERSION, null, request.label(), labels.positive(),
				idColumn, schema, model, request.threshold(), calibrator, RiskBands.fromScores(trainScores),
				typicalValues(trainFrame), importance(model, trainFrame), null, provenance);
		Evaluation holdout = null;
		if (holdRows != null) {
			int[] yHold = subset(y, holdRows);
			holdout = Evaluation.of(yHold, draft.probabilities(features.rows(holdRows)), request.threshold());
		}
		double rate = 0;
		for (int v : y) {
			rate += v;
		}
		rate /= y.length;
		CvSummary cv = (request.cvFolds() >= 2) ? CvSummary.of(foldEvaluations.get(chosen)) : null;
		TrainingResult result = new TrainingResult(chosen.code(), y.length, features.columns().size(), cv,
				(holdout != null) ? holdout.summary() : null, request.label(), labels.positive(), rate,
				model.designColumns(), selection, null, List.copyOf(dropped), List.copyOf(notes));
		ModelArtifact artifact = new ModelArtifact(draft.formatVersion(), null, draft.label(), draft.positive(),
				draft.idColumn(), draft.schema(), draft.model(), draft.threshold(), draft.calibrator(),
				draft.riskBands(), draft.typicalValues(), draft.importance(), result, draft.provenance())
			.withComputedId();
		Map<String, Evaluation> candidateEvaluations = new LinkedHashMap<>();
		oof.forEach((a, p) -> candidateEvaluations.put(a.code(), Evaluation.of(yTrain, p, request.threshold())));
		return new TrainingOutcome(artifact.training(), artifact, candidateEvaluations.get(chosen.code()), holdout,
				candidateEvaluations);
	}

	/** Weights of gradient boosting in a blend, tried on the out-of-fold margins. */
	static final double[] BLEND_WEIGHTS = { 0.2, 0.35, 0.5, 0.65, 0.8, 0.9 };

	private static double crossValidate(TrainingRequest request, Frame frame, int[] y, List<Algorithm> candidates,
			int folds, Map<Algorithm, double[]> oof, Map<Algorithm, List<Evaluation>> foldEvaluations) {
		int[] fold = Folds.stratified(y, folds, request.seed());
		for (Algorithm a : candidates) {
			oof.put(a, new double[y.length]);
			foldEvaluations.put(a, new ArrayList<>());
		}
		boolean needLr = candidates.contains(Algorithm.LR);
		boolean needBlend = candidates.contains(Algorithm.BLEND);
		boolean needGbdt = candidates.contains(Algorithm.GBDT) || needBlend;
		double[] splineMargins = new double[y.length];
		double[] gbdtMargins = new double[y.length];
		List<Folds.Split> splits = new ArrayList<>();
		for (int f = 0; f < folds; f++) {
			Folds.Split split = Folds.of(fold, f);
			splits.add(split);
			Frame train = frame.rows(split.train());
			Frame test = frame.rows(split.test());
			int[] yTrain = subset(y, split.train());
			int[] yTest = subset(y, split.test());
			long seed = request.seed() + 1000L * (f + 1);
			double[] lr = needLr ? fitLogistic(train, yTrain, request, seed, false).margins(test) : null;
			double[] spline = needBlend ? fitLogistic(train, yTrain, request, seed, true).margins(test) : null;
			double[] gbdt = needGbdt ? fitBoosted(train, yTrain, request, seed).margins(test) : null;
			for (int i = 0; i < split.test().length; i++) {
				if (spline != null) {
					splineMargins[split.test()[i]] = spline[i];
				}
				if (gbdt != null) {
					gbdtMargins[split.test()[i]] = gbdt[i];
				}
			}
			for (Algorithm a : candidates) {
				double[] margins = switch (a) {
					case LR -> lr;
					case GBDT -> gbdt;
					default -> null;
				};
				if (margins != null) {
					record(a, margins, split, yTest, request, oof, foldEvaluations);
				}
			}
		}
		if (!needBlend) {
			return 0.5;
		}
		// The blend's weight is the one parameter chosen on the out-of-fold predictions,
		// as the choice between algorithms is: a stronger booster gets more weight, a
		// weak smooth model less.
		double bestWeight = BLEND_WEIGHTS[0];
		double bestAuc = -1;
		for (double w : BLEND_WEIGHTS) {
			double auc = io.churnguard.ml.eval.Metrics.auc(y, blend(splineMargins, gbdtMargins, w));
			if (auc > bestAuc) {
				bestAuc = auc;
				bestWeight = w;
			}
		}
		double[] blended = blend(splineMargins, gbdtMargins, bestWeight);
		for (Folds.Split split : splits) {
			double[] margins = new double[split.test().length];
			for (int i = 0; i < margins.length; i++) {
				margins[i] = blended[split.test()[i]];
			}
			record(Algorithm.BLEND, margins, split, subset(y, split.test()), request, oof, foldEvaluations);
		}
		return bestWeight;
	}

	private static void record(Algorithm a, double[] margins, Folds.Split split, int[] yTest, TrainingRequest request,
			Map<Algorithm, double[]> oof, Map<Algorithm, List<Evaluation>> foldEvaluations) {
		double[] p = sigmoid(margins);
		for (int i = 0; i < p.length; i++) {
			oof.get(a)[split.test()[i]] = p[i];
		}
		foldEvaluations.get(a).add(Evaluation.of(yTest, p, request.threshold()).summary());
	}

	/**
	 * Fits one algorithm on all given rows.
	 * @param algorithm LR, GBDT or BLEND
	 * @param frame the features
	 * @param y the labels
	 * @param request the request (penalties, parameters, budget)
	 * @param seed the seed
	 * @param blendWeight the weight of gradient boosting in a blend
	 * @return the model
	 */
	static ChurnModel fit(Algorithm algorithm, Frame frame, int[] y, TrainingRequest request, long seed,
			double blendWeight) {
		return switch (algorithm) {
			case LR -> fitLogistic(frame, y, request, seed, false);
			case GBDT -> fitBoosted(frame, y, request, seed);
			case BLEND ->
				new BlendModel(List.of(fitLogistic(frame, y, request, seed, true), fitBoosted(frame, y, request, seed)),
						new double[] { 1 - blendWeight, blendWeight });
			case AUTO -> throw new IllegalArgumentException("auto is resolved before fitting");
		};
	}

	/**
	 * Fits a logistic regression: straight lines for analysts (the {@code lr} algorithm),
	 * or restricted cubic splines of numbers as the smooth half of a blend.
	 */
	static LogisticModel fitLogistic(Frame frame, int[] y, TrainingRequest request, long seed, boolean splines) {
		PipelineOptions options = splines ? PipelineOptions.forSplineModels(seed)
				: PipelineOptions.forLinearModels(seed);
		FeaturePipeline.Fitted fitted = FeaturePipeline.fit(frame, y, options);
		LogisticRegressionFit fit = LogisticRegression.create().withL2(request.l2()).fit(fitted.training(), y);
		return new LogisticModel(fitted.pipeline(), fit, LogisticModel.columnMeans(fitted.training()));
	}

	static BoostedModel fitBoosted(Frame frame, int[] y, TrainingRequest request, long seed) {
		FeaturePipeline.Fitted fitted = FeaturePipeline.fit(frame, y, PipelineOptions.forTrees(seed));
		GbdtFit fit = (request.gbdtParameters() != null)
				? GradientBoosting.fit(fitted.training(), y, request.gbdtParameters().withSeed(seed))
				: GradientBoosting.search(fitted.training(), y, GradientBoosting.defaultCandidates(seed),
						request.searchBudgetMillis());
		return new BoostedModel(fitted.pipeline(), fit);
	}

	private static double[] blend(double[] smooth, double[] boosted, double boostedWeight) {
		double[] out = new double[smooth.length];
		for (int i = 0; i < smooth.length; i++) {
			out[i] = (1 - boostedWeight) * smooth[i] + boostedWeight * boosted[i];
		}
		return out;
	}

	private static String reason(Algorithm chosen, Map<String, Double> aucs, int folds) {
		StringBuilder others = new StringBuilder();
		aucs.forEach((k, v) -> {
			if (!k.equals(chosen.code())) {
				others.append((others.length() == 0) ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", k, v));
			}
		});
		return String.format(Locale.ROOT, "auto chose %s: the highest %d-fold cross-validated AUC (%.4f; %s)",
				chosen.code(), folds, aucs.get(chosen.code()), others);
	}

	private static void describe(ChurnModel model, List<String> notes) {
		if (model instanceof LogisticModel lr) {
			describeLogistic(lr.fit(), notes);
		}
		else if (model instanceof BoostedModel b) {
			notes.add(gbdtNote(b));
		}
		else if (model instanceof BlendModel blend) {
			for (ChurnModel m : blend.members()) {
				describe(m, notes);
			}
		}
	}

	private static void describeLogistic(LogisticRegressionFit fit, List<String> notes) {
		if (fit.separation().detected()) {
			notes.add("Logistic regression: " + fit.separation().kind().name().toLowerCase(Locale.ROOT)
					+ " separation by " + fit.separation().variables() + "; " + fit.separation().remedy());
		}
		long aliased = fit.coefficients().stream().filter((c) -> c.aliased()).count();
		if (aliased > 0) {
			notes.add("Logistic regression: " + aliased
					+ " column(s) are linear combinations of others and were left out");
		}
	}

	private static String gbdtNote(BoostedModel b) {
		var p = b.parameters();
		String found = b.trials().isEmpty() ? "fixed parameters"
				: "best of " + b.trials().size() + " searched candidates";
		return String.format(Locale.ROOT, "Gradient boosting: %s, depth %d, eta %.3f, %d rounds, min_child_weight %.0f",
				found, p.maxDepth(), p.eta(), p.rounds(), p.minChildWeight());
	}

	private static Map<String, Double> typicalValues(Frame frame) {
		Map<String, Double> typical = new LinkedHashMap<>();
		for (Column c : frame.columns()) {
			if (c instanceof NumericColumn n && n.type() == ColumnType.NUMERIC) {
				double[] v = Arrays.stream(n.values()).filter((x) -> !Double.isNaN(x)).sorted().toArray();
				if (v.length > 0) {
					typical.put(c.name(), v[v.length / 2]);
				}
			}
		}
		return typical;
	}

	private static Frame sample(Frame frame, int size) {
		if (frame.rowCount() <= size) {
			return frame;
		}
		SplittableRandom random = new SplittableRandom(17);
		int[] rows = new int[size];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = random.nextInt(frame.rowCount());
		}
		return frame.rows(rows);
	}

	private static List<FeatureImportance> importance(ChurnModel model, Frame frame) {
		Explanation e = model.explain(sample(frame, IMPORTANCE_SAMPLE));
		double[] imp = e.importance();
		List<FeatureImportance> out = new ArrayList<>();
		for (int j = 0; j < imp.length; j++) {
			out.add(new FeatureImportance(e.sources().get(j), imp[j]));
		}
		out.sort((a, b) -> Double.compare(b.share(), a.share()));
		return out;
	}

	private static Column labelColumnOf(Frame labelled, String label, int[] rows) {
		return labelled.column(label).select(rows);
	}

	static double[] sigmoid(double[] margins) {
		double[] p = new double[margins.length];
		for (int i = 0; i < p.length; i++) {
			p[i] = 1 / (1 + Math.exp(-margins[i]));
		}
		return p;
	}

	private static double[] applyAll(Calibrator c, double[] p) {
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			out[i] = c.apply(p[i]);
		}
		return out;
	}

	private static int[] allRows(int n) {
		int[] rows = new int[n];
		for (int i = 0; i < n; i++) {
			rows[i] = i;
		}
		return rows;
	}

	static int[] subset(int[] y, int[] rows) {
		int[] out = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = y[rows[i]];
		}
		return out;
	}

}
