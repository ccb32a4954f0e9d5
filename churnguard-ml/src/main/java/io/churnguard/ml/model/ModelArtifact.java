package io.churnguard.ml.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.churnguard.ml.data.ColumnSpec;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.eval.Calibrator;

/**
 * A trained model as it is stored, versioned and served: the model, how to read its
 * input, how to turn its probabilities into bands, its importance, metrics and
 * provenance.
 *
 * <p>
 * Stored as a directory: {@value #METADATA} (JSON: everything, logistic regression
 * coefficients included) and, for gradient boosting, the booster in XGBoost's UBJSON
 * format in a file named by its content. No Java serialization anywhere, so an artifact
 * outlives the code that wrote it.
 *
 * @param formatVersion the version of this layout
 * @param modelId the model version: a digest of the model and its provenance, carried by
 * every score
 * @param label the label column
 * @param positive the label value meaning churn
 * @param idColumn the column that identifies customers at scoring time, or null
 * @param schema how to read the input columns of scoring files
 * @param model the model
 * @param threshold the probability at or above which churn is predicted
 * @param calibrator the recalibration of probabilities, or null
 * @param riskBands the risk bands
 * @param typicalValues the training median of numeric input columns, for reasons
 * @param importance the global importance of input columns, most important first
 * @param training the training summary, as printed by the CLI
 * @param provenance where the model came from
 */
@JsonPropertyOrder({ "formatVersion", "modelId", "label", "positive", "idColumn", "threshold", "riskBands",
		"provenance", "training", "importance", "schema", "typicalValues", "calibrator", "model" })
public record ModelArtifact(int formatVersion, String modelId, String label, String positive, String idColumn,
		List<ColumnSpec> schema, ChurnModel model, double threshold, Calibrator calibrator, RiskBands riskBands,
		Map<String, Double> typicalValues, List<FeatureImportance> importance, TrainingResult training,
		Provenance provenance) {

	/** The metadata file name. */
	public static final String METADATA = "model.json";

	/** The current layout version. */
	public static final int FORMAT_VERSION = 1;

	private static ObjectMapper mapper() {
		return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
	}

	/**
	 * The probability of churn of every row, calibrated when the model has a calibrator.
	 * @param frame rows with the model's input columns
	 * @return the probabilities
	 */
	public double[] probabilities(Frame frame) {
		double[] m = this.model.margins(frame);
		double[] p = new double[m.length];
		for (int i = 0; i < m.length; i++) {
			p[i] = 1 / (1 + Math.exp(-m[i]));
			if (this.calibrator != null) {
				p[i] = this.calibrator.apply(p[i]);
			}
		}
		return p;
	}

	/** The algorithm of the model. */
	@JsonIgnore
	public Algorithm algorithm() {
		return this.model.algorithm();
	}

	/**
	 * This artifact with its model id set from its content.
	 * @return the artifact with an id
	 */
	ModelArtifact withComputedId() {
		try {
			ModelArtifact blank = new ModelArtifact(this.formatVersion, null, this.label, this.positive, this.idColumn,
					this.schema, this.model, this.threshold, this.calibrator, this.riskBands, this.typicalValues,
					this.importance, null, this.provenance);
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			md.update(mapper().writeValueAsBytes(blank));
			for (byte[] f : this.model.files().values()) {
				md.update(f);
			}
			String id = "cg-" + HexFormat.of().formatHex(md.digest(), 0, 6);
			TrainingResult t = (this.training != null) ? this.training.withModelId(id) : null;
			return new ModelArtifact(this.formatVersion, id, this.label, this.positive, this.idColumn, this.schema,
					this.model, this.threshold, this.calibrator, this.riskBands, this.typicalValues, this.importance, t,
					this.provenance);
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot compute the model id", ex);
		}
	}

	/**
	 * Saves the artifact into a directory, creating it.
	 * @param directory the directory
	 */
	public void save(Path directory) {
		try {
			Files.createDirectories(directory);
			for (Map.Entry<String, byte[]> f : this.model.files().entrySet()) {
				Files.write(directory.resolve(f.getKey()), f.getValue());
			}
			Files.writeString(directory.resolve(METADATA), mapper().writeValueAsString(this), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save the model to " + directory, ex);
		}
	}

	/**
	 * Loads an artifact saved by {@link #save(Path)}.
	 * @param directory the directory
	 * @return the artifact
	 */
	public static ModelArtifact load(Path directory) {
		Path metadata = directory.resolve(METADATA);
		if (!Files.isRegularFile(metadata)) {
			throw new IllegalArgumentException("No model at " + directory + ": " + METADATA + " is missing");
		}
		try {
			ObjectMapper mapper = mapper();
			mapper.setInjectableValues(new InjectableValues.Std().addValue(BoostedModel.DIRECTORY, directory));
			return mapper.readValue(metadata.toFile(), ModelArtifact.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load the model from " + directory, ex);
		}
	}

}
