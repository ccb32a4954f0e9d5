package io.churnguard.ml.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.eval.CalibrationBin;
import io.churnguard.ml.eval.CvSummary;
import io.churnguard.ml.eval.Evaluation;
import io.churnguard.ml.eval.GainsRow;
import io.churnguard.ml.model.BoostedModel;
import io.churnguard.ml.model.BlendModel;
import io.churnguard.ml.model.ChurnModel;
import io.churnguard.ml.model.FeatureImportance;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.model.TrainingResult;
import io.churnguard.ml.model.gbdt.GbdtFit;
import io.churnguard.ml.model.lr.Coefficient;
import io.churnguard.ml.model.lr.LogisticRegressionFit;

/**
 * Renders the validation report of a training run as one self-contained HTML page: no
 * scripts, no external styles or fonts, charts as inline SVG, so it can be mailed,
 * archived and opened offline.
 */
public final class HtmlReport {

	private static final String BLUE = "#1f77b4";

	private static final String ORANGE = "#ff7f0e";

	private static final String GREY = "#999";

	private HtmlReport() {
	}

	/**
	 * Renders a report.
	 * @param outcome the training outcome
	 * @return the HTML page
	 */
	public static String render(TrainingOutcome outcome) {
		TrainingResult r = outcome.result();
		ModelArtifact a = outcome.artifact();
		StringBuilder h = new StringBuilder();
		h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ChurnGuard model ")
			.append(Html.escape(a.modelId()))
			.append("</title><style>")
			.append("body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}")
			.append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}")
			.append("th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:16px}")
			.append("figure{margin:0}figcaption{font-size:13px;color:#555}.note{color:#555;font-size:13px}")
			.append(".sig{font-weight:600}</style></head><body>");
		h.append("<h1>Churn model ").append(Html.escape(a.modelId())).append("</h1>");
		h.append("<p>Algorithm <b>")
			.append(Html.escape(r.algorithm()))
			.append("</b> · label <b>")
			.append(Html.escape(r.label()))
			.append(" = ")
			.append(Html.escape(r.positive()))
			.append("</b> · ")
			.append(r.rows())
			.append(" rows, churn rate ")
			.append(Html.num(100 * r.positiveRate(), 1))
			.append(" % · ")
			.append(r.features())
			.append(" features (")
			.append(r.designColumns())
			.append(" after encoding)</p>");
		h.append("<p class=\"note\">Data ")
			.append(Html.escape(a.provenance().source()))
			.append(", fingerprint ")
			.append(Html.escape(a.provenance().dataFingerprint().substring(0, 16)))
			.append("… · trained ")
			.append(Html.escape(a.provenance().trainedAt()))
			.append(" · libraries ")
			.append(Html.escape(a.provenance().libraries().toString()))
			.append("</p>");
		measures(h, r);
		selection(h, r);
		Evaluation charted = (outcome.holdout() != null) ? outcome.holdout() : outcome.outOfFold();
		if (charted != null) {
			String which = (outcome.holdout() != null) ? "holdout rows" : "out-of-fold scores";
			h.append("<h2>Charts (").append(which).append(")</h2><div class=\"charts\">");
			h.append(figure(roc(charted), "ROC curve, AUC " + Html.num(charted.auc(), 3) + " (95 % CI "
					+ Html.num(charted.aucLower(), 3) + "–" + Html.num(charted.aucUpper(), 3) + ")"));
			h.append(figure(gains(charted.gains()), "Cumulative gains: share of churners found by decile"));
			h.append(figure(lift(charted.gains()), "Lift by decile (churn rate over the average)"));
			h.append(figure(calibration(charted.calibration()), "Calibration: observed churn rate by predicted bin"));
			h.append("</div>");
			tables(h, charted);
		}
		else {
			h.append("<p class=\"note\">Train with cross-validation or a holdout to see charts.</p>");
		}
		importance(h, a.importance());
		LogisticRegressionFit fit = outcome.logisticFit();
		if (fit != null) {
			coefficients(h, fit);
		}
		search(h, a.model());
		h.append("<h2>Risk bands</h2><p>high: probability ≥ ")
			.append(Html.num(a.riskBands().high(), 4))
			.append(" (riskiest 10 % of training customers) · medium: ≥ ")
			.append(Html.num(a.riskBands().medium(), 4))
			.append(" (next 20 %) · low: below</p>");
		if (!r.notes().isEmpty()) {
			h.append("<h2>Notes</h2><ul>");
			for (String n : r.notes()) {
				h.append("<li>").append(Html.escape(n)).append("</li>");
			}
			h.append("</ul>");
		}
		return h.append("</body></html>").toString();
	}

	private static void measures(StringBuilder h, TrainingResult r) {
		if (r.cv() == null && r.holdout() == null) {
			return;
		}
		h.append("<h2>Validation</h2><table><tr><th>measure</th>");
		if (r.cv() != null) {
			h.append("<th>").append(r.cv().folds()).append("-fold CV (mean)</th>");
		}
		if (r.holdout() != null) {
			h.append("<th>holdout (").append(r.holdout().rows()).append(" rows)</th>");
		}
		h.append("</tr>");
		CvSummary cv = r.cv();
		Evaluation ho = r.holdout();
		row(h, "AUC", (cv != null) ? Html.num(cv.auc(), 4) + " ± " + Html.num(cv.aucStd(), 4) : null, (ho != null)
				? Html.num(ho.auc(), 4) + " [" + Html.num(ho.aucLower(), 3) + ", " + Html.num(ho.aucUpper(), 3) + "]"
				: null);
		row(h, "PR-AUC", (cv != null) ? Html.num(cv.prAuc(), 4) : null, (ho != null) ? Html.num(ho.prAuc(), 4) : null);
		double t = (cv != null) ? cv.threshold() : ho.threshold();
		row(h, "accuracy @" + Html.num(t, 2), (cv != null) ? Html.num(cv.accuracy(), 4) : null,
				(ho != null) ? Html.num(ho.accuracy(), 4) : null);
		row(h, "precision @" + Html.num(t, 2), (cv != null) ? Html.num(cv.precision(), 4) : null,
				(ho != null) ? Html.num(ho.precision(), 4) : null);
		row(h, "recall @" + Html.num(t, 2), (cv != null) ? Html.num(cv.recall(), 4) : null,
				(ho != null) ? Html.num(ho.recall(), 4) : null);
		row(h, "F1 @" + Html.num(t, 2), (cv != null) ? Html.num(cv.f1(), 4) : null,
				(ho != null) ? Html.num(ho.f1(), 4) : null);
		row(h, "log loss", (cv != null) ? Html.num(cv.logloss(), 4) : null,
				(ho != null) ? Html.num(ho.logloss(), 4) : null);
		row(h, "Brier score", (cv != null) ? Html.num(cv.brier(), 4) : null,
				(ho != null) ? Html.num(ho.brier(), 4) : null);
		row(h, "top-decile lift", (cv != null) ? Html.num(cv.topDecileLift(), 3) : null,
				(ho != null) ? Html.num(ho.topDecileLift(), 3) : null);
		h.append("</table>");
	}

	private static void row(StringBuilder h, String name, String a, String b) {
		h.append("<tr><td>").append(name).append("</td>");
		if (a != null) {
			h.append("<td>").append(a).append("</td>");
		}
		if (b != null) {
			h.append("<td>").append(b).append("</td>");
		}
		h.append("</tr>");
	}

	private static void selection(StringBuilder h, TrainingResult r) {
		if (r.selection() == null) {
			return;
		}
		h.append("<h2>Automatic choice</h2><table><tr><th>candidate</th><th>")
			.append(r.selection().folds())
			.append("-fold CV AUC</th></tr>");
		for (Map.Entry<String, Double> e : r.selection().cvAuc().entrySet()) {
			boolean chosen = e.getKey().equals(r.selection().chosen());
			h.append("<tr><td>")
				.append(chosen ? "<b>" : "")
				.append(Html.escape(e.getKey()))
				.append(chosen ? "</b> (chosen)" : "")
				.append("</td><td>")
				.append(Html.num(e.getValue(), 4))
				.append("</td></tr>");
		}
		h.append("</table>");
	}

	private static String figure(Svg svg, String caption) {
		return "<figure>" + svg + "<figcaption>" + caption + "</figcaption></figure>";
	}

	private static Svg roc(Evaluation e) {
		Svg s = new Svg("ROC curve", "false positive rate", "true positive rate", 1, 1);
		s.polyline(List.of(new double[] { 0, 0 }, new double[] { 1, 1 }), GREY, 1, true);
		return s.polyline(e.roc(), BLUE, 2, false);
	}

	private static Svg gains(List<GainsRow> rows) {
		Svg s = new Svg("Cumulative gains", "share of customers contacted", "share of churners found", 1, 1);
		s.polyline(List.of(new double[] { 0, 0 }, new double[] { 1, 1 }), GREY, 1, true);
		List<double[]> pts = new ArrayList<>();
		pts.add(new double[] { 0, 0 });
		for (GainsRow g : rows) {
			pts.add(new double[] { g.decile() / 10.0, g.cumulativeGain() });
		}
		return s.polyline(pts, BLUE, 2, false).points(pts, BLUE).legend("model", BLUE, 0).legend("random", GREY, 1);
	}

	private static Svg lift(List<GainsRow> rows) {
		double max = 1;
		for (GainsRow g : rows) {
			max = Math.max(max, Double.isNaN(g.lift()) ? 0 : g.lift());
		}
		max = Math.ceil(max);
		Svg s = new Svg("Lift by decile", "decile (1 = riskiest)", "lift", 10, max);
		List<double[]> cumulative = new ArrayList<>();
		for (GainsRow g : rows) {
			s.bar(g.decile() - 0.9, g.decile() - 0.1, Double.isNaN(g.lift()) ? 0 : g.lift(), BLUE);
			cumulative.add(new double[] { g.decile() - 0.5, g.cumulativeLift() });
		}
		s.polyline(List.of(new double[] { 0, 1 }, new double[] { 10, 1 }), GREY, 1, true);
		return s.polyline(cumulative, ORANGE, 2, false).legend("lift", BLUE, 0).legend("cumulative lift", ORANGE, 1);
	}

	private static Svg calibration(List<CalibrationBin> bins) {
		Svg s = new Svg("Calibration", "mean predicted probability", "observed churn rate", 1, 1);
		s.polyline(List.of(new double[] { 0, 0 }, new double[] { 1, 1 }), GREY, 1, true);
		List<double[]> pts = new ArrayList<>();
		for (CalibrationBin b : bins) {
			pts.add(new double[] { b.meanPredicted(), b.observedRate() });
		}
		return s.polyline(pts, ORANGE, 2, false).points(pts, ORANGE);
	}

	private static void tables(StringBuilder h, Evaluation e) {
		h.append("<h3>Lift and gains by decile</h3><table><tr><th>decile</th><th>customers</th><th>churners</th>")
			.append("<th>churn rate</th><th>lift</th><th>cumulative gain</th><th>cumulative lift</th></tr>");
		for (GainsRow g : e.gains()) {
			h.append("<tr><td>")
				.append(g.decile())
				.append("</td><td>")
				.append(g.count())
				.append("</td><td>")
				.append(g.churners())
				.append("</td><td>")
				.append(Html.num(g.churnRate(), 3))
				.append("</td><td>")
				.append(Html.num(g.lift(), 2))
				.append("</td><td>")
				.append(Html.num(g.cumulativeGain(), 3))
				.append("</td><td>")
				.append(Html.num(g.cumulativeLift(), 2))
				.append("</td></tr>");
		}
		h.append("</table><h3>Calibration</h3><table><tr><th>bin</th><th>customers</th><th>score range</th>")
			.append("<th>mean predicted</th><th>observed</th></tr>");
		int i = 1;
		for (CalibrationBin b : e.calibration()) {
			h.append("<tr><td>")
				.append(i++)
				.append("</td><td>")
				.append(b.count())
				.append("</td><td>")
				.append(Html.num(b.minPredicted(), 3))
				.append("–")
				.append(Html.num(b.maxPredicted(), 3))
				.append("</td><td>")
				.append(Html.num(b.meanPredicted(), 3))
				.append("</td><td>")
				.append(Html.num(b.observedRate(), 3))
				.append("</td></tr>");
		}
		var cm = e.confusion();
		h.append("</table><h3>Confusion matrix at ")
			.append(Html.num(e.threshold(), 2))
			.append("</h3><table><tr><th></th><th>predicted churn</th><th>predicted stay</th></tr>")
			.append("<tr><td>churned</td><td>")
			.append(cm.truePositives())
			.append("</td><td>")
			.append(cm.falseNegatives())
			.append("</td></tr><tr><td>stayed</td><td>")
			.append(cm.falsePositives())
			.append("</td><td>")
			.append(cm.trueNegatives())
			.append("</td></tr></table>");
	}

	private static void importance(StringBuilder h, List<FeatureImportance> importance) {
		if (importance == null || importance.isEmpty()) {
			return;
		}
		h.append("<h2>Feature importance</h2><p class=\"note\">Share of the mean absolute contribution to the ")
			.append("log-odds of churn (TreeSHAP for trees, coefficient × deviation from the mean for logistic ")
			.append("regression).</p><table><tr><th>feature</th><th>share</th><th></th></tr>");
		double max = importance.get(0).share();
		for (FeatureImportance f : importance) {
			int width = (max > 0) ? (int) Math.round(240 * f.share() / max) : 0;
			h.append("<tr><td>")
				.append(Html.escape(f.feature()))
				.append("</td><td>")
				.append(Html.num(100 * f.share(), 1))
				.append(" %</td><td style=\"text-align:left\"><svg width=\"")
				.append(width + 2)
				.append("\" height=\"10\"><rect width=\"")
				.append(width)
				.append("\" height=\"10\" fill=\"")
				.append(BLUE)
				.append("\"/></svg></td></tr>");
		}
		h.append("</table>");
	}

	private static void coefficients(StringBuilder h, LogisticRegressionFit fit) {
		h.append("<h2>Logistic regression coefficients</h2><p class=\"note\">")
			.append(fit.rows())
			.append(" rows, log-likelihood ")
			.append(Html.num(fit.logLikelihood(), 2))
			.append(", AIC ")
			.append(Html.num(fit.aic(), 2))
			.append(", McFadden R² ")
			.append(Html.num(fit.pseudoR2(), 4))
			.append((fit.l2() > 0) ? ", L2 penalty " + fit.l2() : "")
			.append(". Odds ratios per unit of the column; categories against their reference level.");
		if (fit.separation().detected()) {
			h.append(" <b>Separation:</b> ")
				.append(Html.escape(fit.separation().kind().name().toLowerCase()))
				.append(" by ")
				.append(Html.escape(fit.separation().variables().toString()))
				.append("; ")
				.append(Html.escape(fit.separation().remedy()));
		}
		h.append("</p><table><tr><th>term</th><th>estimate</th><th>std. error</th><th>z</th><th>p-value</th>")
			.append("<th>odds ratio</th><th>95 % CI</th></tr>");
		for (Coefficient c : fit.coefficients()) {
			boolean sig = c.pValue() < 0.05;
			h.append("<tr").append(sig ? " class=\"sig\"" : "").append("><td>").append(Html.escape(c.name()));
			if (c.aliased()) {
				h.append(" (aliased)</td><td colspan=\"6\">left out: a linear combination of other columns</td></tr>");
				continue;
			}
			h.append("</td><td>")
				.append(Html.num(c.estimate(), 5))
				.append("</td><td>")
				.append(Html.num(c.standardError(), 5))
				.append("</td><td>")
				.append(Html.num(c.z(), 3))
				.append("</td><td>")
				.append(Html.p(c.pValue()))
				.append("</td><td>")
				.append(Html.num(c.oddsRatio(), 4))
				.append("</td><td>")
				.append(Html.num(c.oddsRatioLower(), 4))
				.append("–")
				.append(Html.num(c.oddsRatioUpper(), 4))
				.append("</td></tr>");
		}
		h.append("</table>");
	}

	private static void search(StringBuilder h, ChurnModel model) {
		BoostedModel boosted = null;
		if (model instanceof BoostedModel b) {
			boosted = b;
		}
		else if (model instanceof BlendModel blend) {
			for (ChurnModel m : blend.members()) {
				if (m instanceof BoostedModel b) {
					boosted = b;
				}
			}
		}
		if (boosted == null) {
			return;
		}
		var p = boosted.parameters();
		h.append("<h2>Gradient boosting</h2><p>Final: depth ")
			.append(p.maxDepth())
			.append(", eta ")
			.append(p.eta())
			.append(", ")
			.append(p.rounds())
			.append(" rounds, min_child_weight ")
			.append(p.minChildWeight())
			.append(", subsample ")
			.append(p.subsample())
			.append(", colsample_bytree ")
			.append(p.colsampleByTree())
			.append(", ")
			.append(boosted.boosters().size())
			.append(" booster(s) averaged.</p>");
		if (!boosted.trials().isEmpty()) {
			h.append("<table><tr><th>candidate</th><th>inner-CV AUC</th><th>best rounds</th></tr>");
			for (GbdtFit.Trial t : boosted.trials()) {
				h.append("<tr><td>depth ")
					.append(t.parameters().maxDepth())
					.append(", eta ")
					.append(t.parameters().eta())
					.append(", min_child_weight ")
					.append(t.parameters().minChildWeight())
					.append("</td><td>")
					.append(Html.num(t.auc(), 4))
					.append("</td><td>")
					.append(t.rounds())
					.append("</td></tr>");
			}
			h.append("</table>");
		}
	}

}
