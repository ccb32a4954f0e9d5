package io.churnguard.ml.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.churnguard.ml.data.Column;
import io.churnguard.ml.data.ColumnSpec;
import io.churnguard.ml.data.CsvReader;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.data.NumericColumn;
import io.churnguard.ml.data.TypeInference;
import io.churnguard.ml.explain.Explanation;
import io.churnguard.ml.explain.Reason;
import io.churnguard.ml.explain.ReasonText;
import io.churnguard.ml.feature.FeatureDescription;

/**
 * Scores customers with a stored model: probability, risk band, and the strongest reasons
 * that raise each customer's risk, as sentences in English and Chinese.
 */
public final class Scorer {

	/** The number of reasons per customer by default. */
	public static final int DEFAULT_REASONS = 3;

	private Scorer() {
	}

	/**
	 * Reads a CSV file the way the model's training file was read (same types, same
	 * missing-value rules).
	 * @param artifact the model
	 * @param csv the file
	 * @return the frame
	 */
	public static Frame read(ModelArtifact artifact, Path csv) {
		Map<String, ColumnSpec> specs = new HashMap<>();
		for (ColumnSpec s : artifact.schema()) {
			specs.put(s.name(), s);
		}
		return TypeInference.apply(CsvReader.read(csv), specs);
	}

	/**
	 * The probabilities of churn only, for batch scoring.
	 * @param artifact the model
	 * @param frame the customers
	 * @return the probabilities
	 */
	public static double[] probabilities(ModelArtifact artifact, Frame frame) {
		return artifact.probabilities(frame);
	}

	/**
	 * Scores customers with the default three reasons and no feature descriptions.
	 * @param artifact the model
	 * @param frame the customers
	 * @return one scored row per customer, in order
	 */
	public static List<ScoredRow> score(ModelArtifact artifact, Frame frame) {
		return score(artifact, frame, DEFAULT_REASONS, Map.of());
	}

	/**
	 * Scores customers.
	 * @param artifact the model
	 * @param frame the customers
	 * @param reasons the number of reasons per customer
	 * @param descriptions feature descriptions by column name, for reason sentences
	 * @return one scored row per customer, in order
	 */
	public static List<ScoredRow> score(ModelArtifact artifact, Frame frame, int reasons,
			Map<String, FeatureDescription> descriptions) {
		double[] p = artifact.probabilities(frame);
		List<List<Reason>> rowReasons = (reasons > 0) ? reasons(artifact, frame, reasons, descriptions) : null;
		Column idColumn = (artifact.idColumn() != null) ? frame.find(artifact.idColumn()).orElse(null) : null;
		List<ScoredRow> out = new ArrayList<>(frame.rowCount());
		for (int r = 0; r < frame.rowCount(); r++) {
			String id = (idColumn != null && idColumn.text(r) != null) ? idColumn.text(r) : Integer.toString(r + 1);
			out.add(new ScoredRow(id, p[r], artifact.riskBands().band(p[r]),
					(rowReasons != null) ? rowReasons.get(r) : List.of(), artifact.modelId()));
		}
		return out;
	}

	/**
	 * The top reasons of every row, without the probabilities: for a caller that has them
	 * already (the daily job explains only the rows it scored high or medium).
	 * @param artifact the model
	 * @param frame the rows, with the model's source columns
	 * @param reasons how many reasons per row, at most
	 * @param descriptions feature descriptions for the sentences (may be empty)
	 * @return the reasons of each row, in row order
	 */
	public static List<List<Reason>> reasons(ModelArtifact artifact, Frame frame, int reasons,
			Map<String, FeatureDescription> descriptions) {
		Explanation explanation = artifact.model().explain(frame);
		List<String> sources = artifact.model().sources();
		Column[] columns = new Column[sources.size()];
		for (int j = 0; j < columns.length; j++) {
			columns[j] = frame.column(sources.get(j));
		}
		List<List<Reason>> out = new ArrayList<>(frame.rowCount());
		for (int r = 0; r < frame.rowCount(); r++) {
			out.add(reasonsOf(artifact, explanation, columns, r, reasons, descriptions));
		}
		return out;
	}

	private static List<Reason> reasonsOf(ModelArtifact artifact, Explanation e, Column[] columns, int row, int k,
			Map<String, FeatureDescription> descriptions) {
		int s = columns.length;
		int[] top = new int[k];
		double[] topValue = new double[k];
		int found = 0;
		for (int j = 0; j < s; j++) {
			double c = e.get(row, j);
			if (!(c > 0)) {
				continue;
			}
			int at = found;
			while (at > 0 && topValue[at - 1] < c) {
				at--;
			}
			if (at >= k) {
				continue;
			}
			for (int m = Math.min(found, k - 1); m > at; m--) {
				top[m] = top[m - 1];
				topValue[m] = topValue[m - 1];
			}
			top[at] = j;
			topValue[at] = c;
			found = Math.min(k, found + 1);
		}
		List<Reason> reasons = new ArrayList<>(found);
		for (int i = 0; i < found; i++) {
			Column column = columns[top[i]];
			String name = column.name();
			String text = column.text(row);
			double value = (column instanceof NumericColumn n) ? n.get(row) : Double.NaN;
			Double typical = (column instanceof NumericColumn n && n.type() == io.churnguard.ml.data.ColumnType.NUMERIC)
					? artifact.typicalValues().get(name) : null;
			FeatureDescription d = descriptions.get(name);
			reasons.add(new Reason(name, text, topValue[i],
					ReasonText.sentence(name, text, value, typical, d, Locale.ENGLISH),
					ReasonText.sentence(name, text, value, typical, d, Locale.CHINESE)));
		}
		return reasons;
	}

	/**
	 * Writes scores as CSV:
	 * {@code id,probability,risk_band,reason_1..N,reason_1_zh..N,model_id}.
	 * @param rows the scores
	 * @param reasons the number of reason columns per language
	 * @param out where to write
	 */
	public static void writeCsv(List<ScoredRow> rows, int reasons, Writer out) {
		try {
			StringBuilder header = new StringBuilder("id,probability,risk_band");
			for (int i = 1; i <= reasons; i++) {
				header.append(",reason_").append(i);
			}
			for (int i = 1; i <= reasons; i++) {
				header.append(",reason_").append(i).append("_zh");
			}
			out.write(header.append(",model_id\n").toString());
			StringBuilder line = new StringBuilder();
			for (ScoredRow r : rows) {
				line.setLength(0);
				line.append(csv(r.id())).append(',').append(String.format(Locale.ROOT, "%.6f", r.probability()));
				line.append(',').append(r.riskBand());
				for (int i = 0; i < reasons; i++) {
					line.append(',').append((i < r.reasons().size()) ? csv(r.reasons().get(i).en()) : "");
				}
				for (int i = 0; i < reasons; i++) {
					line.append(',').append((i < r.reasons().size()) ? csv(r.reasons().get(i).zh()) : "");
				}
				line.append(',').append(r.modelId()).append('\n');
				out.write(line.toString());
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write scores", ex);
		}
	}

	private static String csv(String s) {
		boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
		return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

}
