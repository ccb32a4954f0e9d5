package io.churnguard.app.ingest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.churnguard.app.customer.AttributeType;
import io.churnguard.app.customer.CustomerField;
import io.churnguard.app.event.EventField;
import io.churnguard.app.ingest.ImportKind;
import io.churnguard.app.platform.values.FieldError;
import io.churnguard.app.platform.values.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which source column feeds which field. Files in ChurnGuard's own format need none:
 * columns named like the fields map to them. Other files come with a YAML mapping:
 *
 * <pre>
 * kind: customers
 * columns:
 *   customer_id: customerID
 *   gender: { column: gender, values: { Male: M, Female: F } }
 *   join_date: { column: tenure, months_before: 2024-12-31 }
 * attributes:
 *   Contract: text
 *   TotalCharges: number
 * </pre>
 */
final class ImportMapping {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final Map<String, ColumnRule> fields;

	private final Map<String, AttributeSpec> attributes;

	private final List<String> notes;

	private ImportMapping(Map<String, ColumnRule> fields, Map<String, AttributeSpec> attributes, List<String> notes) {
		this.fields = fields;
		this.attributes = attributes;
		this.notes = notes;
	}

	/**
	 * The mapping of a file in ChurnGuard's format: same-named columns (ignoring case);
	 * for customers, columns named like declared custom attributes become attributes.
	 */
	static ImportMapping byColumnNames(ImportKind kind, List<String> columns, Map<String, AttributeType> declared) {
		Map<String, ColumnRule> fields = new LinkedHashMap<>();
		Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		Set<String> targets = targets(kind);
		for (String column : columns) {
			String key = column.toLowerCase(Locale.ROOT);
			if (targets.contains(key)) {
				fields.put(key, ColumnRule.of(column));
			}
			else if (kind == ImportKind.CUSTOMERS && declared.containsKey(column)) {
				attributes.put(column, new AttributeSpec(column, declared.get(column)));
			}
			else {
				ignored.add(column);
			}
		}
		List<String> notes = new ArrayList<>();
		if (!ignored.isEmpty()) {
			notes.add("ignored columns " + ignored + (kind == ImportKind.CUSTOMERS
					? " (declare them as custom attributes, or list them under 'attributes' in a mapping, to keep them)"
					: " (list them under 'attributes' in a mapping to keep them as event attributes)"));
		}
		return new ImportMapping(fields, attributes, notes);
	}

	/**
	 * Reads a YAML mapping.
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	static ImportMapping parse(String yaml, ImportKind kind) {
		JsonNode root;
		try {
			root = YAML.readTree(yaml);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the mapping is not valid YAML: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException(
					"the mapping must be a YAML object with 'columns' (and optionally 'attributes')");
		}
		JsonNode declaredKind = root.get("kind");
		if (declaredKind != null && !declaredKind.asString().equalsIgnoreCase(kind.code())) {
			throw new IllegalArgumentException(
					"the mapping is for " + declaredKind.asString() + ", but " + kind.code() + " are being imported");
		}
		Set<String> targets = targets(kind);
		Map<String, ColumnRule> fields = new LinkedHashMap<>();
		JsonNode columns = root.get("columns");
		if (columns == null || !columns.isObject()) {
			throw new IllegalArgumentException("the mapping has no 'columns' section");
		}
		for (Map.Entry<String, JsonNode> entry : columns.properties()) {
			String target = entry.getKey().toLowerCase(Locale.ROOT);
			if (!targets.contains(target)) {
				throw new IllegalArgumentException("columns." + entry.getKey() + ": unknown field (" + kind.code()
						+ " have: " + String.join(", ", targets) + ")");
			}
			fields.put(target, rule("columns." + entry.getKey(), entry.getValue()));
		}
		Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
		JsonNode attributeNode = root.get("attributes");
		if (attributeNode != null) {
			if (attributeNode.isArray()) {
				attributeNode.forEach(name -> attributes.put(name.asString(),
						new AttributeSpec(name.asString(), AttributeType.TEXT)));
			}
			else if (attributeNode.isObject()) {
				for (Map.Entry<String, JsonNode> entry : attributeNode.properties()) {
					attributes.put(entry.getKey(),
							attribute("attributes." + entry.getKey(), entry.getKey(), entry.getValue()));
				}
			}
			else {
				throw new IllegalArgumentException("'attributes' must list columns, or map names to types");
			}
		}
		return new ImportMapping(fields, attributes, new ArrayList<>());
	}

	/** Checks the mapping against the file's columns before any row is read. */
	void requireColumns(ImportKind kind, List<String> columns) {
		Set<String> present = Set.copyOf(columns);
		List<String> problems = new ArrayList<>();
		for (String required : required(kind)) {
			if (!this.fields.containsKey(required)) {
				problems.add("no column for the required field '" + required + "'");
			}
		}
		this.fields.forEach((target, rule) -> {
			if (rule.column() != null && !present.contains(rule.column())) {
				problems.add("the field '" + target + "' reads column '" + rule.column()
						+ "', which the file does not have");
			}
		});
		this.attributes.forEach((name, spec) -> {
			if (!present.contains(spec.column())) {
				problems.add("the attribute '" + name + "' reads column '" + spec.column()
						+ "', which the file does not have");
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems) + ". The file's columns are: " + columns
					+ ". Give a mapping (--mapping) that names the right columns.");
		}
	}

	MappedRow apply(SourceRecord record) {
		Map<String, String> values = new HashMap<>(32);
		Map<String, String> attributeValues = this.attributes.isEmpty() ? Map.of() : new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>(0);
		this.fields.forEach((target, rule) -> {
			try {
				values.put(target, rule.apply(record));
			}
			catch (InvalidValueException ex) {
				errors.add(new FieldError(target, record.get(rule.column()), ex.getMessage()));
			}
		});
		this.attributes.forEach((name, spec) -> attributeValues.put(name, record.get(spec.column())));
		return new MappedRow(record.line(), values, attributeValues, errors);
	}

	/** The fields the source provides, by code. */
	Set<String> mappedFields() {
		return this.fields.keySet();
	}

	Map<String, AttributeSpec> attributes() {
		return this.attributes;
	}

	List<String> notes() {
		return this.notes;
	}

	private static Set<String> targets(ImportKind kind) {
		return switch (kind) {
			case CUSTOMERS -> java.util.Arrays.stream(CustomerField.values())
				.map(CustomerField::code)
				.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
			case EVENTS -> java.util.Arrays.stream(EventField.values())
				.map(EventField::code)
				.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		};
	}

	private static Set<String> required(ImportKind kind) {
		return switch (kind) {
			case CUSTOMERS -> java.util.Arrays.stream(CustomerField.values())
				.filter(CustomerField::required)
				.map(CustomerField::code)
				.collect(Collectors.toCollection(TreeSet::new));
			case EVENTS -> java.util.Arrays.stream(EventField.values())
				.filter(EventField::required)
				.map(EventField::code)
				.collect(Collectors.toCollection(TreeSet::new));
		};
	}

	private static ColumnRule rule(String path, JsonNode node) {
		if (node.isValueNode()) {
			return ColumnRule.of(node.asString());
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException(path + ": expected a column name or {column: …}");
		}
		String column = text(node, "column");
		String constant = text(node, "constant");
		if ((column == null) == (constant == null)) {
			throw new IllegalArgumentException(path + ": give either 'column' or 'constant'");
		}
		Map<String, String> values = new LinkedHashMap<>();
		JsonNode table = node.get("values");
		if (table != null) {
			if (!table.isObject()) {
				throw new IllegalArgumentException(path + ".values: expected source: target pairs");
			}
			table.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		}
		LocalDate monthsBefore = null;
		String reference = text(node, "months_before");
		if (reference != null) {
			try {
				monthsBefore = LocalDate.parse(reference);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(path + ".months_before: not a date (yyyy-MM-dd)");
			}
		}
		for (String key : iterable(node)) {
			if (!Set.of("column", "constant", "values", "months_before", "default").contains(key)) {
				throw new IllegalArgumentException(
						path + "." + key + ": unknown setting (use column, constant, values, months_before, default)");
			}
		}
		return new ColumnRule(column, values, monthsBefore, constant, text(node, "default"));
	}

	private static AttributeSpec attribute(String path, String name, JsonNode node) {
		try {
			if (node.isValueNode()) {
				return new AttributeSpec(name, AttributeType.fromCode(node.asString()));
			}
			String column = text(node, "column");
			String type = text(node, "type");
			return new AttributeSpec((column != null) ? column : name,
					(type != null) ? AttributeType.fromCode(type) : AttributeType.TEXT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(path + ": unknown type (use text, number, boolean or date)");
		}
	}

	private static List<String> iterable(JsonNode node) {
		List<String> keys = new ArrayList<>();
		node.properties().forEach(e -> keys.add(e.getKey()));
		return keys;
	}

	private static String text(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** A custom attribute: the column it reads and its type. */
	record AttributeSpec(String column, AttributeType type) {
	}

}
