package io.churnguard.ml.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable table of equally long, uniquely named columns: the dataset that trainers,
 * scorers and the feature engine exchange.
 */
public final class Frame {

	private final Map<String, Column> columns;

	private final int rows;

	private Frame(Map<String, Column> columns, int rows) {
		this.columns = columns;
		this.rows = rows;
	}

	/**
	 * A frame of the given columns.
	 * @param columns columns of equal length and distinct names
	 * @return the frame
	 */
	public static Frame of(List<? extends Column> columns) {
		Map<String, Column> map = new LinkedHashMap<>();
		int rows = columns.isEmpty() ? 0 : columns.get(0).size();
		for (Column c : columns) {
			if (c.size() != rows) {
				throw new IllegalArgumentException(
						"Column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
			}
			if (map.put(c.name(), c) != null) {
				throw new IllegalArgumentException("Duplicate column name '" + c.name() + "'");
			}
		}
		return new Frame(map, rows);
	}

	/**
	 * A frame of the given columns.
	 * @param columns columns of equal length and distinct names
	 * @return the frame
	 */
	public static Frame of(Column... columns) {
		return of(List.of(columns));
	}

	/** The number of rows. */
	public int rowCount() {
		return this.rows;
	}

	/** The column names in order. */
	public List<String> columnNames() {
		return List.copyOf(this.columns.keySet());
	}

	/** The columns in order. */
	public List<Column> columns() {
		return List.copyOf(this.columns.values());
	}

	/**
	 * A column by name.
	 * @param name the name
	 * @return the column
	 * @throws IllegalArgumentException when there is none
	 */
	public Column column(String name) {
		Column c = this.columns.get(name);
		if (c == null) {
			throw new IllegalArgumentException("No column '" + name + "'; columns are " + columnNames());
		}
		return c;
	}

	/**
	 * A column by name, if present.
	 * @param name the name
	 * @return the column or empty
	 */
	public Optional<Column> find(String name) {
		return Optional.ofNullable(this.columns.get(name));
	}

	/**
	 * The rows at the given indices.
	 * @param rowIndices row indices, in the order wanted
	 * @return a new frame
	 */
	public Frame rows(int[] rowIndices) {
		Map<String, Column> map = new LinkedHashMap<>();
		this.columns.forEach((k, v) -> map.put(k, v.select(rowIndices)));
		return new Frame(map, rowIndices.length);
	}

	/**
	 * This frame without the named columns; names that are absent are ignored.
	 * @param names the columns to drop
	 * @return a new frame
	 */
	public Frame without(Collection<String> names) {
		List<Column> kept = new ArrayList<>();
		for (Column c : this.columns.values()) {
			if (!names.contains(c.name())) {
				kept.add(c);
			}
		}
		Frame f = of(kept);
		return (kept.isEmpty()) ? new Frame(new LinkedHashMap<>(), this.rows) : f;
	}

	/**
	 * This frame with a column added or replaced.
	 * @param column the column
	 * @return a new frame
	 */
	public Frame with(Column column) {
		Map<String, Column> map = new LinkedHashMap<>(this.columns);
		map.put(column.name(), column);
		return of(new ArrayList<>(map.values()));
	}

}
