package io.churnguard.ml.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.churnguard.ml.data.DesignMatrix;
import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.explain.Explanation;
import io.churnguard.ml.explain.TreeShap;
import io.churnguard.ml.model.gbdt.GbdtFit;
import io.churnguard.ml.model.gbdt.GbdtParameters;
import io.churnguard.ml.model.gbdt.GradientBoosting;
import io.churnguard.ml.model.gbdt.TreeEnsemble;

/**
 * A gradient boosting model with its encoding pipeline. The booster is stored in
 * XGBoost's UBJSON format next to the JSON metadata; scoring and TreeSHAP run in Java
 * over its trees.
 */
public final class BoostedModel implements ChurnModel {

	/** The Jackson injectable naming the directory a model is loaded from. */
	public static final String DIRECTORY = "modelDirectory";

	private final FeaturePipeline pipeline;

	private final GbdtParameters parameters;

	private final List<GbdtFit.Trial> trials;

	private final List<byte[]> boosters;

	private final TreeEnsemble ensemble;

	private volatile TreeShap shap;

	/**
	 * A model from a fit.
	 * @param pipeline the encoding
	 * @param fit the booster
	 */
	public BoostedModel(FeaturePipeline pipeline, GbdtFit fit) {
		this(pipeline, fit.parameters(), fit.trials(), fit.models(), fit.ensemble());
	}

	private BoostedModel(FeaturePipeline pipeline, GbdtParameters parameters, List<GbdtFit.Trial> trials,
			List<byte[]> boosters, TreeEnsemble ensemble) {
		this.pipeline = pipeline;
		this.parameters = parameters;
		this.trials = List.copyOf(trials);
		this.boosters = List.copyOf(boosters);
		this.ensemble = ensemble;
	}

	@JsonCreator
	static BoostedModel load(@JsonProperty("pipeline") FeaturePipeline pipeline,
			@JsonProperty("parameters") GbdtParameters parameters, @JsonProperty("trials") List<GbdtFit.Trial> trials,
			@JsonProperty("boosterFiles") List<String> boosterFiles, @JacksonInject(DIRECTORY) Path directory) {
		List<byte[]> boosters = new ArrayList<>();
		List<TreeEnsemble> ensembles = new ArrayList<>();
		for (String file : boosterFiles) {
			try {
				byte[] bytes = Files.readAllBytes(directory.resolve(file));
				boosters.add(bytes);
				ensembles.add(GradientBoosting.ensembleOf(bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the booster " + file, ex);
			}
		}
		return new BoostedModel(pipeline, parameters, (trials != null) ? trials : List.of(), boosters,
				TreeEnsemble.average(ensembles));
	}

	@Override
	public Algorithm algorithm() {
		return Algorithm.GBDT;
	}

	/** The encoding. */
	@JsonProperty
	public FeaturePipeline pipeline() {
		return this.pipeline;
	}

	/** The parameters of the final training run. */
	@JsonProperty
	public GbdtParameters parameters() {
		return this.parameters;
	}

	/** The candidates of the parameter search. */
	@JsonProperty
	public List<GbdtFit.Trial> trials() {
		return this.trials;
	}

	/** The files the boosters are stored in, each named by its content. */
	@JsonProperty
	public List<String> boosterFiles() {
		return this.boosters.stream().map(BoostedModel::fileName).toList();
	}

	private static String fileName(byte[] booster) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(booster);
			return "booster-" + HexFormat.of().formatHex(digest, 0, 6) + ".ubj";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The boosters in UBJSON; the model is their average. */
	@JsonIgnore
	public List<byte[]> boosters() {
		return this.boosters;
	}

	/** The trees. */
	@JsonIgnore
	public TreeEnsemble ensemble() {
		return this.ensemble;
	}

	@Override
	@JsonIgnore
	public List<String> sources() {
		return this.pipeline.inputs().stream().map((s) -> s.name()).toList();
	}

	@Override
	@JsonIgnore
	public int designColumns() {
		return this.pipeline.outputs().size();
	}

	@Override
	public double[] margins(Frame frame) {
		return this.ensemble.margins(this.pipeline.transform(frame));
	}

	@Override
	public Explanation explain(Frame frame) {
		DesignMatrix x = this.pipeline.transform(frame);
		return Explanation.ofDesign(treeShap().explain(x), x.sourceOf(), x.sources(), x.rows());
	}

	/** The TreeSHAP tables, built on first use. */
	@JsonIgnore
	public TreeShap treeShap() {
		TreeShap s = this.shap;
		if (s == null) {
			s = new TreeShap(this.ensemble);
			this.shap = s;
		}
		return s;
	}

	@Override
	public Map<String, byte[]> files() {
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		for (byte[] b : this.boosters) {
			files.put(fileName(b), b);
		}
		return files;
	}

}
