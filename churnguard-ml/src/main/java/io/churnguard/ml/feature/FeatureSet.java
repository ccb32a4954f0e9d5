package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * An ordered, named set of feature definitions: the columns of a training set and the
 * inputs of a model. Numeric features come first in their declared order among
 * themselves, categorical ones in theirs; a ratio may only name features declared before
 * it.
 *
 * <p>
 * The default set lives in {@code io/churnguard/ml/feature/default-features.yaml} on the
 * classpath, so the library and the application read the same definitions.
 */
public final class FeatureSet {

	/** The classpath resource of the default feature set. */
	public static final String DEFAULT_RESOURCE = "io/churnguard/ml/feature/default-features.yaml";

	private static final JsonMapper YAML = JsonMapper
		.builder(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
			.enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	private final String name;

	private final List<FeatureDefinition> definitions;

	private final Map<String, FeatureDefinition> byName;

	private final List<String> numericNames;

	private final List<String> categoricalNames;

	// Positions by name: rules and sentences look features up by name for every customer.
	private final Map<String, Integer> numericIndex;

	private final Map<String, Integer> categoricalIndex;

	/**
	 * Creates a feature set, checking names and references.
	 * @param name the set's name, e.g. {@code telecom-default}
	 * @param definitions the definitions in order
	 * @throws IllegalArgumentException on a duplicate name or a ratio naming an unknown,
	 * later or categorical feature
	 */
	public FeatureSet(String name, List<FeatureDefinition> definitions) {
		this.name = Objects.requireNonNull(name, "name");
		this.definitions = List.copyOf(definitions);
		Map<String, FeatureDefinition> seen = new LinkedHashMap<>();
		List<String> numeric = new ArrayList<>();
		List<String> categorical = new ArrayList<>();
		for (FeatureDefinition definition : this.definitions) {
			if (seen.putIfAbsent(definition.name(), definition) != null) {
				throw new IllegalArgumentException("feature '" + definition.name() + "' is defined twice");
			}
			if (definition.kind() == FeatureKind.RATIO) {
				requireEarlierNumeric(definition, definition.numerator(), seen);
				requireEarlierNumeric(definition, definition.denominator(), seen);
			}
			(definition.isCategorical() ? categorical : numeric).add(definition.name());
		}
		if (seen.isEmpty()) {
			throw new IllegalArgumentException("feature set '" + name + "' has no feature");
		}
		this.byName = Collections.unmodifiableMap(seen);
		this.numericNames = List.copyOf(numeric);
		this.categoricalNames = List.copyOf(categorical);
		this.numericIndex = positions(this.numericNames);
		this.categoricalIndex = positions(this.categoricalNames);
	}

	private static Map<String, Integer> positions(List<String> names) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			positions.put(names.get(i), i);
		}
		return Map.copyOf(positions);
	}

	/**
	 * The default feature set for telecom-like data: usage, bills and payments,
	 * complaints, service contacts, digital behaviour, orders, plan changes and customer
	 * attributes.
	 * @return the defaults, read from {@link #DEFAULT_RESOURCE}
	 */
	public static FeatureSet defaults() {
		try (InputStream in = FeatureSet.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
			}
			return fromYaml(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a feature set from YAML: {@code name} and a list of {@code features}, each a
	 * {@link FeatureDefinition} with lower-case enum values, e.g.
	 *
	 * <pre>
	 * name: my-features
	 * features:
	 *   - name: complaints_30d
	 *     kind: window
	 *     event: complaint
	 *     aggregation: count
	 *     window: 30
	 *     direction: more_trouble
	 *     zh: {label: 近30天投诉次数, sentence: "近30天投诉{value}次"}
	 *     en: {label: complaints in the last 30 days, sentence: "{value} complaint{s} in the last 30 days"}
	 * </pre>
	 * @param in the YAML document
	 * @return the feature set
	 * @throws IOException when the document cannot be read or bound
	 * @throws IllegalArgumentException when a definition is invalid
	 */
	public static FeatureSet fromYaml(InputStream in) throws IOException {
		Document document = YAML.readValue(in, Document.class);
		if (document == null || document.features() == null) {
			throw new IllegalArgumentException("a feature set document needs a 'features' list");
		}
		return new FeatureSet((document.name() != null) ? document.name() : "features", document.features());
	}

	/**
	 * Writes this set as YAML that {@link #fromYaml} reads back.
	 * @return the YAML document
	 */
	public String toYaml() {
		try {
			return YAML.writeValueAsString(new Document(this.name, this.definitions));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The set's name. */
	public String name() {
		return this.name;
	}

	/** All definitions in declared order. */
	public List<FeatureDefinition> definitions() {
		return this.definitions;
	}

	/** The number of features, numeric and categorical. */
	public int size() {
		return this.definitions.size();
	}

	/**
	 * The definition of a feature.
	 * @param name the feature name
	 * @return the definition
	 * @throws IllegalArgumentException when the set has no such feature
	 */
	public FeatureDefinition get(String name) {
		FeatureDefinition definition = this.byName.get(name);
		if (definition == null) {
			throw new IllegalArgumentException("no feature '" + name + "' in feature set '" + this.name + "'");
		}
		return definition;
	}

	/** Names of the numeric features, the order of numeric value arrays. */
	public List<String> numericNames() {
		return this.numericNames;
	}

	/** Names of the categorical features, the order of categorical value arrays. */
	public List<String> categoricalNames() {
		return this.categoricalNames;
	}

	/**
	 * The position of a numeric feature in numeric value arrays.
	 * @param name the feature name
	 * @return the index, or -1 when there is no such numeric feature
	 */
	public int numericIndex(String name) {
		return this.numericIndex.getOrDefault(name, -1);
	}

	/**
	 * The position of a categorical feature in categorical value arrays.
	 * @param name the feature name
	 * @return the index, or -1 when there is no such categorical feature
	 */
	public int categoricalIndex(String name) {
		return this.categoricalIndex.getOrDefault(name, -1);
	}

	/** Descriptions by name, for reason codes. */
	public Map<String, FeatureDescription> descriptions() {
		return new HashMap<>(this.byName);
	}

	@Override
	public String toString() {
		return "FeatureSet[" + this.name + ", " + this.definitions.size() + " features]";
	}

	private static void requireEarlierNumeric(FeatureDefinition ratio, String reference,
			Map<String, FeatureDefinition> earlier) {
		FeatureDefinition referenced = earlier.get(reference);
		if (referenced == null || referenced == ratio) {
			throw new IllegalArgumentException(
					"ratio '" + ratio.name() + "' names '" + reference + "', which is not declared before it");
		}
		if (referenced.isCategorical()) {
			throw new IllegalArgumentException(
					"ratio '" + ratio.name() + "' names the categorical feature '" + reference + "'");
		}
	}

	private record Document(String name, List<FeatureDefinition> features) {
	}

}
