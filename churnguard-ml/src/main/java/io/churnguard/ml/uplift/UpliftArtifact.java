package io.churnguard.ml.uplift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.churnguard.ml.data.FeaturePipeline;
import io.churnguard.ml.model.gbdt.GbdtParameters;

/**
 * Uplift models as they are stored and versioned: one model per action, written as files
 * — {@value #METADATA} (JSON: the learner, parameters, provenance, and per action its
 * feature pipeline, propensity and the names of its boosters) and every booster in
 * XGBoost's UBJSON format in a file named by its content. No Java serialization, so a
 * stored model outlives the code that wrote it, as the churn models'
 * {@code ModelArtifact} does.
 *
 * @param formatVersion the version of this layout
 * @param modelId a digest of the content, {@code up-} and 12 hex digits
 * @param learner the learner of every action's model
 * @param parameters the boosting parameters
 * @param models the model of each action
 * @param provenance where the models came from (campaigns, rows, time …), kept as given
 */
public record UpliftArtifact(int formatVersion, String modelId, UpliftLearner learner, GbdtParameters parameters,
		Map<String, UpliftModel> models, Map<String, Object> provenance) {

	/** The metadata file name. */
	public static final String METADATA = "uplift.json";

	/** The current layout version. */
	public static final int FORMAT_VERSION = 1;

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	/**
	 * Checks and copies the fields.
	 * @param formatVersion the layout version
	 * @param modelId the id
	 * @param learner the learner
	 * @param parameters the parameters
	 * @param models the models by action
	 * @param provenance the provenance
	 */
	public UpliftArtifact {
		Objects.requireNonNull(learner, "learner");
		if (models.isEmpty()) {
			throw new IllegalArgumentException("an uplift artifact needs the model of at least one action");
		}
		models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
		provenance = (provenance != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance))
				: Map.of();
	}

	/**
	 * A new artifact, its id computed from its content.
	 * @param learner the learner the models were trained with
	 * @param parameters the boosting parameters
	 * @param models the model of each action, as {@link UpliftTrainer} made them
	 * @param provenance where they came from
	 * @return the artifact
	 */
	public static UpliftArtifact of(UpliftLearner learner, GbdtParameters parameters, Map<String, UpliftModel> models,
			Map<String, Object> provenance) {
		UpliftArtifact blank = new UpliftArtifact(FORMAT_VERSION, null, learner, parameters, models, provenance);
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, byte[]> file : blank.files().entrySet()) {
				md.update(file.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				md.update(file.getValue());
			}
			return new UpliftArtifact(FORMAT_VERSION, "up-" + HexFormat.of().formatHex(md.digest(), 0, 6), learner,
					parameters, models, provenance);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The actions the artifact has a model of.
	 * @return the actions in natural order
	 */
	public List<String> actions() {
		return List.copyOf(this.models.keySet());
	}

	/**
	 * The files of the artifact: the metadata and the boosters.
	 * @return file name → content, the metadata first
	 */
	public Map<String, byte[]> files() {
		Map<String, byte[]> boosters = new TreeMap<>();
		ObjectNode root = JSON.createObjectNode();
		root.put("formatVersion", this.formatVersion);
		root.put("modelId", this.modelId);
		root.put("learner", this.learner.name());
		root.set("parameters", JSON.valueToTree(this.parameters));
		root.set("provenance", JSON.valueToTree(this.provenance));
		ObjectNode actions = root.putObject("actions");
		for (Map.Entry<String, UpliftModel> entry : this.models.entrySet()) {
			ObjectNode action = actions.putObject(entry.getKey());
			ObjectNode parts = JSON.createObjectNode();
			if (entry.getValue() instanceof XLearnerUplift x) {
				action.put("learner", UpliftLearner.X_LEARNER.name());
				action.put("propensity", x.propensity());
				action.set("pipeline", JSON.valueToTree(x.pipeline()));
				parts.set("control", names(x.outcomes().control(), boosters));
				parts.set("treated", names(x.outcomes().treated(), boosters));
				parts.set("controlEffect", names(x.controlEffect(), boosters));
				parts.set("treatedEffect", names(x.treatedEffect(), boosters));
			}
			else if (entry.getValue() instanceof TwoModelUplift t) {
				action.put("learner", UpliftLearner.TWO_MODEL.name());
				action.set("pipeline", JSON.valueToTree(t.pipeline()));
				parts.set("control", names(t.control(), boosters));
				parts.set("treated", names(t.treated(), boosters));
			}
			else {
				throw new IllegalArgumentException("cannot store an uplift model of " + entry.getValue().getClass());
			}
			action.set("boosters", parts);
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		try {
			files.put(METADATA, JSON.writeValueAsBytes(root));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.putAll(boosters);
		return files;
	}

	/**
	 * Reads an artifact from its files.
	 * @param files file name → content, as {@link #files()} wrote them
	 * @return the artifact
	 */
	public static UpliftArtifact fromFiles(Map<String, byte[]> files) {
		byte[] metadata = files.get(METADATA);
		if (metadata == null) {
			throw new IllegalArgumentException("not an uplift model: " + METADATA + " is missing");
		}
		try {
			JsonNode root = JSON.readTree(metadata);
			int format = root.path("formatVersion").asInt();
			if (format != FORMAT_VERSION) {
				throw new IllegalArgumentException("uplift model format " + format + " is not supported");
			}
			Map<String, UpliftModel> models = new TreeMap<>();
			for (Map.Entry<String, JsonNode> action : root.path("actions").properties()) {
				JsonNode node = action.getValue();
				FeaturePipeline pipeline = JSON.treeToValue(node.path("pipeline"), FeaturePipeline.class);
				JsonNode parts = node.path("boosters");
				TwoModelUplift outcomes = new TwoModelUplift(pipeline, boosters(parts.path("control"), files),
						boosters(parts.path("treated"), files));
				UpliftLearner learner = UpliftLearner.valueOf(node.path("learner").asText());
				models.put(action.getKey(), switch (learner) {
					case TWO_MODEL -> outcomes;
					case X_LEARNER ->
						new XLearnerUplift(pipeline, outcomes, boosters(parts.path("controlEffect"), files),
								boosters(parts.path("treatedEffect"), files), node.path("propensity").asDouble());
				});
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> provenance = JSON.treeToValue(root.path("provenance"), Map.class);
			return new UpliftArtifact(format, root.path("modelId").asText(),
					UpliftLearner.valueOf(root.path("learner").asText()),
					JSON.treeToValue(root.path("parameters"), GbdtParameters.class), models, provenance);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the uplift model", ex);
		}
	}

	/**
	 * Saves the files into a directory, creating it.
	 * @param directory the directory
	 */
	public void save(Path directory) {
		try {
			Files.createDirectories(directory);
			for (Map.Entry<String, byte[]> file : files().entrySet()) {
				Files.write(directory.resolve(file.getKey()), file.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot save the uplift model to " + directory, ex);
		}
	}

	/**
	 * Loads an artifact saved by {@link #save(Path)}.
	 * @param directory the directory
	 * @return the artifact
	 */
	public static UpliftArtifact load(Path directory) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.list(directory)) {
			for (Path path : paths.toList()) {
				files.put(path.getFileName().toString(), Files.readAllBytes(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot load the uplift model from " + directory, ex);
		}
		return fromFiles(files);
	}

	private static JsonNode names(Boosters boosters, Map<String, byte[]> files) {
		List<String> names = new ArrayList<>();
		for (byte[] booster : boosters.ubj()) {
			String name = fileName(booster);
			files.put(name, booster);
			names.add(name);
		}
		return JSON.valueToTree(names);
	}

	private static Boosters boosters(JsonNode names, Map<String, byte[]> files) {
		List<byte[]> ubj = new ArrayList<>();
		for (JsonNode name : names) {
			byte[] booster = files.get(name.asText());
			if (booster == null) {
				throw new IllegalArgumentException("the uplift model's booster " + name.asText() + " is missing");
			}
			ubj.add(booster);
		}
		return Boosters.load(ubj);
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

}
