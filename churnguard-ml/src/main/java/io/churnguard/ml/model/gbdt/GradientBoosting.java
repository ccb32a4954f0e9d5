package io.churnguard.ml.model.gbdt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.eval.Folds;
import io.churnguard.ml.eval.Metrics;

/**
 * Trains XGBoost boosters on design matrices: a single run with given parameters (with
 * early stopping on a stratified validation split when asked), or a small parameter
 * search within a time budget.
 *
 * <p>
 * The search evaluates each candidate by early-stopped training on inner stratified folds
 * (three on tables up to 50,000 rows, one validation split beyond), keeps the candidate
 * with the best mean validation AUC (on large tables, the cheapest of those practically
 * as good), and refits it on all rows with its mean best number of rounds, scaled up a
 * little because the refit sees more rows.
 */
public final class GradientBoosting {

	private static final double REFIT_ROUNDS_FACTOR = 1.15;

	/**
	 * Validation AUCs closer than this count as equal when choosing a candidate on a
	 * table of more than {@link #BAGGING_MAX_ROWS} rows.
	 */
	static final double AUC_TIE = 0.0005;

	/**
	 * Boosters averaged by the default candidates on tables up to
	 * {@link #BAGGING_MAX_ROWS}.
	 */
	static final int BAGS = 5;

	/** Beyond this many rows one booster has little variance left to average away. */
	static final int BAGGING_MAX_ROWS = 100_000;

	private GradientBoosting() {
	}

	/**
	 * The default search candidates: shallow and deeper trees at a modest learning rate,
	 * with row and column subsampling.
	 * @param seed the seed
	 * @return the candidates, the most generally useful first
	 */
	public static List<GbdtParameters> defaultCandidates(long seed) {
		return List.of(new GbdtParameters(3, 0.05, 2000, 1, 0.8, 0.8, 1, 0, 50, 0.2, 0, seed, BAGS),
				new GbdtParameters(5, 0.05, 2000, 3, 0.8, 0.8, 1, 0, 50, 0.2, 0, seed, BAGS),
				new GbdtParameters(2, 0.05, 2000, 1, 0.8, 0.8, 1, 0, 50, 0.2, 0, seed, BAGS),
				new GbdtParameters(6, 0.03, 2000, 10, 0.7, 0.7, 5, 0, 50, 0.2, 0, seed, BAGS));
	}

	/**
	 * Trains one booster. With early stopping, a stratified validation split picks the
	 * number of rounds and the booster is then refitted on all rows.
	 * @param x the design matrix
	 * @param y the labels
	 * @param parameters the parameters
	 * @return the fit
	 */
	public static GbdtFit fit(DesignMatrix x, int[] y, GbdtParameters parameters) {
		GbdtParameters finalParameters = parameters;
		if (parameters.earlyStoppingRounds() > 0 && parameters.validationFraction() > 0) {
			Folds.Split split = Folds.holdout(y, parameters.validationFraction(), parameters.seed());
			int best = earlyStopped(x, y, split, parameters).rounds();
			finalParameters = parameters.withRounds((int) Math.ceil(best * REFIT_ROUNDS_FACTOR));
		}
		return trainBagged(x, y, finalParameters, List.of());
	}

	/**
	 * Searches the candidates within a time budget and refits the best on all rows.
	 * @param x the design matrix
	 * @param y the labels
	 * @param candidates the candidates, tried in order; at least the first is always
	 * tried
	 * @param budgetMillis the time budget of the search
	 * @return the fit of the best candidate, with every trial
	 */
	public static GbdtFit search(DesignMatrix x, int[] y, List<GbdtParameters> candidates, long budgetMillis) {
		long deadline = System.currentTimeMillis() + budgetMillis;
		List<Folds.Split> splits = new ArrayList<>();
		long seed = candidates.get(0).seed();
		if (y.length <= 50_000) {
			int[] fold = Folds.stratified(y, 3, seed);
			for (int k = 0; k < 3; k++) {
				splits.add(Folds.of(fold, k));
			}
		}
		else {
			splits.add(Folds.holdout(y, candidates.get(0).validationFraction(), seed));
		}
		List<GbdtFit.Trial> trials = new ArrayList<>();
		for (GbdtParameters candidate : candidates) {
			if (!trials.isEmpty() && System.currentTimeMillis() > deadline) {
				break;
			}
			double auc = 0;
			double rounds = 0;
			for (Folds.Split split : splits) {
				Stopped s = earlyStopped(x, y, split, candidate);
				auc += s.auc();
				rounds += s.rounds();
			}
			GbdtFit.Trial trial = new GbdtFit.Trial(candidate, auc / splits.size(),
					(int) Math.round(rounds / splits.size()));
			trials.add(trial);
		}
		// Small tables keep the best candidate: any of them is cheap to run there.
		GbdtFit.Trial best = cheapestOfTheBest(trials, (y.length > BAGGING_MAX_ROWS) ? AUC_TIE : 0);
		GbdtParameters chosen = best.parameters().withRounds((int) Math.ceil(best.rounds() * REFIT_ROUNDS_FACTOR));
		if (y.length > BAGGING_MAX_ROWS) {
			chosen = chosen.withBags(1);
		}
		return trainBagged(x, y, chosen, trials);
	}

	/**
	 * The candidate to refit: the one with the fewest leaves (rounds × 2^depth, what
	 * scoring and TreeSHAP cost per row) among those whose validation AUC is within a
	 * tolerance of the best. On large tables a deep, slow-learning booster often wins the
	 * search by a few hundredths of a percent — far less than the validation split can
	 * tell apart — while costing several times as much to score and explain for every
	 * customer every day.
	 * @param trials the candidates tried
	 * @param tolerance how far below the best AUC still counts as equal
	 * @return the chosen trial
	 */
	static GbdtFit.Trial cheapestOfTheBest(List<GbdtFit.Trial> trials, double tolerance) {
		double top = trials.stream().mapToDouble(GbdtFit.Trial::auc).max().orElseThrow();
		GbdtFit.Trial chosen = null;
		for (GbdtFit.Trial trial : trials) {
			if (trial.auc() >= top - tolerance && (chosen == null || leaves(trial) < leaves(chosen))) {
				chosen = trial;
			}
		}
		return chosen;
	}

	private static double leaves(GbdtFit.Trial trial) {
		return (double) trial.rounds() * (1L << trial.parameters().maxDepth());
	}

	private static GbdtFit trainBagged(DesignMatrix x, int[] y, GbdtParameters parameters, List<GbdtFit.Trial> trials) {
		List<byte[]> models = new ArrayList<>();
		List<TreeEnsemble> ensembles = new ArrayList<>();
		for (int b = 0; b < Math.max(1, parameters.bags()); b++) {
			byte[][] model = trainBoth(x, y, parameters.withSeed(parameters.seed() + b));
			models.add(model[0]);
			ensembles.add(TreeEnsemble.fromJson(model[1]));
		}
		return new GbdtFit(List.copyOf(models), TreeEnsemble.average(ensembles), parameters, List.copyOf(trials));
	}

	private static Stopped earlyStopped(DesignMatrix x, int[] y, Folds.Split split, GbdtParameters parameters) {
		DesignMatrix train = x.rows(split.train());
		DesignMatrix valid = x.rows(split.test());
		int[] yTrain = subset(y, split.train());
		int[] yValid = subset(y, split.test());
		DMatrix dTrain = null;
		DMatrix dValid = null;
		Booster booster = null;
		try {
			dTrain = dmatrix(train, yTrain);
			dValid = dmatrix(valid, yValid);
			Map<String, DMatrix> watches = new HashMap<>();
			watches.put("valid", dValid);
			float[][] metrics = new float[1][parameters.rounds()];
			booster = XGBoost.train(dTrain, parameters.toXgboost(), parameters.rounds(), watches, metrics, null, null,
					parameters.earlyStoppingRounds());
			String attr = booster.getAttr("best_iteration");
			int rounds = (attr != null) ? Integer.parseInt(attr) + 1 : booster.getNumBoostedRound();
			TreeEnsemble ensemble = TreeEnsemble.fromJson(booster.toByteArray("json")).truncate(rounds);
			double auc = Metrics.auc(yValid, ensemble.probabilities(valid));
			return new Stopped(Math.max(1, rounds), auc);
		}
		catch (XGBoostError ex) {
			throw new IllegalStateException("XGBoost training failed: " + ex.getMessage(), ex);
		}
		finally {
			dispose(booster, dTrain, dValid);
		}
	}

	/**
	 * Trains a booster for exactly {@code parameters.rounds()} rounds.
	 * @param x the design matrix
	 * @param y the labels
	 * @param parameters the parameters
	 * @return the booster in UBJSON
	 */
	public static byte[] train(DesignMatrix x, int[] y, GbdtParameters parameters) {
		return trainBoth(x, y, parameters)[0];
	}

	/**
	 * Trains a least-squares regression ensemble, bagged as the parameters say: the same
	 * boosting as the classifiers, for targets that are not labels (an uplift learner's
	 * imputed treatment effects, for instance).
	 * @param x the design matrix
	 * @param y the targets
	 * @param parameters the parameters; early stopping is not used
	 * @return the trees, whose {@link TreeEnsemble#margins margins} are the predictions
	 */
	public static TreeEnsemble regress(DesignMatrix x, double[] y, GbdtParameters parameters) {
		return regressFit(x, y, parameters).ensemble();
	}

	/**
	 * Trains a least-squares regression ensemble and keeps its boosters, for a model that
	 * is stored: {@link #regress} with the UBJSON of each bag.
	 * @param x the design matrix
	 * @param y the targets
	 * @param parameters the parameters; early stopping is not used
	 * @return the boosters in UBJSON and their averaged trees
	 */
	public static GbdtFit regressFit(DesignMatrix x, double[] y, GbdtParameters parameters) {
		float[] targets = new float[y.length];
		for (int i = 0; i < y.length; i++) {
			targets[i] = (float) y[i];
		}
		List<byte[]> models = new ArrayList<>();
		List<TreeEnsemble> ensembles = new ArrayList<>();
		for (int b = 0; b < Math.max(1, parameters.bags()); b++) {
			Map<String, Object> params = parameters.withSeed(parameters.seed() + b).toXgboost();
			params.put("objective", "reg:squarederror");
			params.put("eval_metric", "rmse");
			byte[][] model = trainOn(x, targets, params, parameters.rounds());
			models.add(model[0]);
			ensembles.add(TreeEnsemble.fromJson(model[1]));
		}
		return new GbdtFit(List.copyOf(models), TreeEnsemble.average(ensembles), parameters, List.of());
	}

	/** Trains and returns the booster as UBJSON and as JSON (for reading its trees). */
	private static byte[][] trainBoth(DesignMatrix x, int[] y, GbdtParameters parameters) {
		return trainOn(x, labels(y), parameters.toXgboost(), parameters.rounds());
	}

	private static byte[][] trainOn(DesignMatrix x, float[] labels, Map<String, Object> params, int rounds) {
		DMatrix d = null;
		Booster booster = null;
		try {
			d = dmatrix(x, labels);
			booster = XGBoost.train(d, params, rounds, new HashMap<>(), null, null);
			return new byte[][] { booster.toByteArray("ubj"), booster.toByteArray("json") };
		}
		catch (XGBoostError ex) {
			throw new IllegalStateException("XGBoost training failed: " + ex.getMessage(), ex);
		}
		finally {
			dispose(booster, d, null);
		}
	}

	/**
	 * Reads the trees of a stored booster.
	 * @param ubj the booster in UBJSON
	 * @return its trees
	 */
	public static TreeEnsemble ensembleOf(byte[] ubj) {
		Booster booster = null;
		try {
			booster = XGBoost.loadModel(ubj);
			return TreeEnsemble.fromJson(booster.toByteArray("json"));
		}
		catch (XGBoostError | java.io.IOException ex) {
			throw new IllegalStateException("Cannot read the XGBoost model: " + ex.getMessage(), ex);
		}
		finally {
			dispose(booster, null, null);
		}
	}

	/**
	 * A DMatrix of a design matrix with labels.
	 * @param x the design matrix
	 * @param y the labels, or null
	 * @return the DMatrix; the caller disposes it
	 * @throws XGBoostError when XGBoost refuses it
	 */
	public static DMatrix dmatrix(DesignMatrix x, int[] y) throws XGBoostError {
		return dmatrix(x, (y != null) ? labels(y) : null);
	}

	private static DMatrix dmatrix(DesignMatrix x, float[] labels) throws XGBoostError {
		DMatrix d = new DMatrix(x.data(), x.rows(), x.columns(), Float.NaN);
		if (labels != null) {
			d.setLabel(labels);
		}
		return d;
	}

	private static float[] labels(int[] y) {
		float[] labels = new float[y.length];
		for (int i = 0; i < y.length; i++) {
			labels[i] = y[i];
		}
		return labels;
	}

	private static int[] subset(int[] y, int[] rows) {
		int[] out = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			out[i] = y[rows[i]];
		}
		return out;
	}

	private static void dispose(Booster booster, DMatrix a, DMatrix b) {
		if (booster != null) {
			booster.dispose();
		}
		if (a != null) {
			a.dispose();
		}
		if (b != null) {
			b.dispose();
		}
	}

	private record Stopped(int rounds, double auc) {
	}

}
