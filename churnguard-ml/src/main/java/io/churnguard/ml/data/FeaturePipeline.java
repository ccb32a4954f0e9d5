package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fitted encoding of a frame into a {@link DesignMatrix}: which source columns are
 * used, with which types, and how each is encoded. It is fitted on training rows only and
 * stored with the model, so that scoring applies exactly the same transformation.
 */
public final class FeaturePipeline {

	private final List<ColumnSpec> inputs;

	private final List<Encoder> encoders;

	/**
	 * A pipeline of encoders.
	 * @param inputs the specs of the source columns, in encoder order
	 * @param encoders one encoder per source column
	 */
	@JsonCreator
	public FeaturePipeline(@JsonProperty("inputs") List<ColumnSpec> inputs,
			@JsonProperty("encoders") List<Encoder> encoders) {
		this.inputs = List.copyOf(inputs);
		this.encoders = List.copyOf(encoders);
	}

	/** The specs of the source columns the pipeline reads. */
	@JsonProperty
	public List<ColumnSpec> inputs() {
		return this.inputs;
	}

	/** The encoders, one per source column. */
	@JsonProperty
	public List<Encoder> encoders() {
		return this.encoders;
	}

	/** The design column names, in order. */
	public List<String> outputs() {
		List<String> names = new ArrayList<>();
		for (Encoder e : this.encoders) {
			names.addAll(e.outputs());
		}
		return names;
	}

	/**
	 * Encodes a frame. Columns the pipeline does not use are ignored; a missing source
	 * column is an error.
	 * @param frame the rows to encode
	 * @return the design matrix
	 */
	public DesignMatrix transform(Frame frame) {
		List<String> names = outputs();
		int p = names.size();
		int n = frame.rowCount();
		float[] data = new float[n * p];
		int[] sourceOf = new int[p];
		List<String> sources = new ArrayList<>();
		int[] offsets = new int[this.encoders.size()];
		int offset = 0;
		for (int i = 0; i < this.encoders.size(); i++) {
			Encoder e = this.encoders.get(i);
			int width = e.outputs().size();
			offsets[i] = offset;
			Arrays.fill(sourceOf, offset, offset + width, i);
			sources.add(e.source());
			offset += width;
		}
		// Encoders write disjoint design columns, so large tables encode in parallel.
		java.util.stream.IntStream stream = java.util.stream.IntStream.range(0, this.encoders.size());
		if ((long) n * p > 1_000_000) {
			stream = stream.parallel();
		}
		stream.forEach(
				(i) -> this.encoders.get(i).encode(frame.column(this.encoders.get(i).source()), data, p, offsets[i]));
		return new DesignMatrix(n, names, sourceOf, sources, data);
	}

	/**
	 * Fits a pipeline on training rows and encodes them. Target-encoded columns of the
	 * training rows are encoded out of fold.
	 * @param frame the training features (no label, no id columns)
	 * @param y the labels, 1 for churn
	 * @param options how to encode
	 * @return the pipeline and the encoded training rows
	 */
	public static Fitted fit(Frame frame, int[] y, PipelineOptions options) {
		List<ColumnSpec> specs = new ArrayList<>();
		List<Encoder> encoders = new ArrayList<>();
		for (Column column : frame.columns()) {
			specs.add(ColumnSpec.of(column));
			encoders.add(fitEncoder(column, y, options));
		}
		FeaturePipeline pipeline = new FeaturePipeline(specs, encoders);
		DesignMatrix matrix = pipeline.transform(frame);
		if (encoders.stream().anyMatch((e) -> e instanceof TargetEncoder)) {
			overwriteOutOfFold(pipeline, frame, y, options, matrix);
		}
		return new Fitted(pipeline, matrix);
	}

	private static Encoder fitEncoder(Column column, int[] y, PipelineOptions options) {
		if (column instanceof CategoricalColumn cat) {
			return fitCategorical(cat, y, options, allRows(cat.size()));
		}
		double[] v = ((NumericColumn) column).values();
		Double reference = null;
		if (column.type() == ColumnType.DATE) {
			double max = Double.NEGATIVE_INFINITY;
			for (double x : v) {
				if (!Double.isNaN(x)) {
					max = Math.max(max, x);
				}
			}
			reference = max;
		}
		NumericEncoder raw = new NumericEncoder(column.name(), Double.NaN, false, reference, null);
		if (!options.impute()) {
			return raw;
		}
		double[] present = Arrays.stream(v).filter((x) -> !Double.isNaN(x)).map(raw::transform).sorted().toArray();
		boolean anyMissing = present.length < v.length;
		double median = (present.length == 0) ? 0 : present[present.length / 2];
		double[] knots = (options.splineKnots() >= 3 && column.type() == ColumnType.NUMERIC)
				? knots(present, options.splineKnots()) : null;
		return new NumericEncoder(column.name(), median, anyMissing, reference, knots);
	}

	/**
	 * Harrell's default knot quantiles (for four knots 5 %, 35 %, 65 %, 95 %), or null
	 * when the column has too few distinct values or the knots are not distinct.
	 */
	private static double[] knots(double[] sorted, int count) {
		if (sorted.length < 20 || Arrays.stream(sorted).distinct().limit(11).count() <= 10) {
			return null;
		}
		double[] knots = new double[count];
		for (int k = 0; k < count; k++) {
			double q = 0.05 + 0.9 * k / (count - 1);
			knots[k] = sorted[(int) Math.round(q * (sorted.length - 1))];
			if (k > 0 && !(knots[k] > knots[k - 1])) {
				return null;
			}
		}
		return knots;
	}

	private static Encoder fitCategorical(CategoricalColumn cat, int[] y, PipelineOptions options, int[] rows) {
		Map<String, Integer> counts = TypeInference.levelCounts(cat, rows);
		boolean anyMissing = false;
		for (int r : rows) {
			anyMissing |= cat.isMissing(r);
		}
		List<String> frequent = new ArrayList<>();
		boolean pooled = false;
		for (Map.Entry<String, Integer> e : counts.entrySet()) {
			if (e.getValue() >= options.minLevelCount()) {
				frequent.add(e.getKey());
			}
			else {
				pooled = true;
			}
		}
		// Most frequent first, then by name: a stable order and the reference level
		// first.
		frequent.sort(Comparator.comparing((String l) -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
		if (frequent.size() > options.maxOneHotLevels()) {
			return fitTarget(cat, y, options, rows);
		}
		String reference = null;
		if (options.referenceLevel() && !frequent.isEmpty()) {
			reference = frequent.remove(0);
		}
		List<String> ordered = new ArrayList<>(frequent);
		ordered.sort(Comparator.naturalOrder());
		return new OneHotEncoder(cat.name(), ordered, reference, pooled, anyMissing);
	}

	private static TargetEncoder fitTarget(CategoricalColumn cat, int[] y, PipelineOptions options, int[] rows) {
		Map<String, double[]> stats = new HashMap<>();
		double positives = 0;
		for (int r : rows) {
			positives += y[r];
			String t = cat.text(r);
			if (t != null) {
				double[] s = stats.computeIfAbsent(t, (k) -> new double[2]);
				s[0] += y[r];
				s[1]++;
			}
		}
		double p0 = (positives + 0.5) / (rows.length + 1.0);
		double m = options.smoothing();
		Map<String, Double> logOdds = new HashMap<>();
		Map<String, Double> frequency = options.frequencyEncoding() ? new HashMap<>() : null;
		for (Map.Entry<String, double[]> e : stats.entrySet()) {
			double rate = (e.getValue()[0] + m * p0) / (e.getValue()[1] + m);
			logOdds.put(e.getKey(), Math.log(rate / (1 - rate)));
			if (frequency != null) {
				frequency.put(e.getKey(), e.getValue()[1] / rows.length);
			}
		}
		return new TargetEncoder(cat.name(), logOdds, Math.log(p0 / (1 - p0)), frequency);
	}

	/**
	 * Re-encodes target-encoded columns of the training rows with encoders fitted on the
	 * other folds, so no row sees its own label.
	 */
	private static void overwriteOutOfFold(FeaturePipeline pipeline, Frame frame, int[] y, PipelineOptions options,
			DesignMatrix matrix) {
		int n = frame.rowCount();
		int k = Math.max(2, options.targetEncodingFolds());
		int[] fold = new int[n];
		SplittableRandom random = new SplittableRandom(options.seed());
		for (int r = 0; r < n; r++) {
			fold[r] = random.nextInt(k);
		}
		int p = matrix.columns();
		int offset = 0;
		for (Encoder e : pipeline.encoders()) {
			int width = e.outputs().size();
			if (e instanceof TargetEncoder) {
				CategoricalColumn cat = (CategoricalColumn) frame.column(e.source());
				for (int f = 0; f < k; f++) {
					final int ff = f;
					int[] train = java.util.stream.IntStream.range(0, n).filter((r) -> fold[r] != ff).toArray();
					int[] held = java.util.stream.IntStream.range(0, n).filter((r) -> fold[r] == ff).toArray();
					TargetEncoder inner = fitTarget(cat, y, options, train);
					float[] tmp = new float[held.length * width];
					inner.encode(cat.select(held), tmp, width, 0);
					for (int i = 0; i < held.length; i++) {
						// Only the churn-rate column is label-dependent; frequencies stay
						// as fitted.
						matrix.data()[held[i] * p + offset] = tmp[i * width];
					}
				}
			}
			offset += width;
		}
	}

	private static int[] allRows(int n) {
		int[] rows = new int[n];
		for (int i = 0; i < n; i++) {
			rows[i] = i;
		}
		return rows;
	}

	/**
	 * A fitted pipeline with the encoded training rows.
	 *
	 * @param pipeline the pipeline
	 * @param training the training rows, target encoding out of fold
	 */
	public record Fitted(FeaturePipeline pipeline, DesignMatrix training) {
	}

}
