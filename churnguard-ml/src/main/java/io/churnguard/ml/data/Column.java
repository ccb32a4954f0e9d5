package io.churnguard.ml.data;

/**
 * One named column of a {@link Frame}. Columns are immutable; a missing value is
 * {@link Double#NaN} in a {@link NumericColumn} and code {@code -1} in a
 * {@link CategoricalColumn}.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

	/** The column's name as in the header. */
	String name();

	/** The column's kind. */
	ColumnType type();

	/** The number of rows. */
	int size();

	/**
	 * Whether the value in a row is missing.
	 * @param row the row index
	 * @return true when absent
	 */
	boolean isMissing(int row);

	/**
	 * The value of a row as a person would read it, e.g. {@code Month-to-month},
	 * {@code 29.85}, {@code 2025-03-01} or {@code Yes}; {@code null} when missing.
	 * @param row the row index
	 * @return the text or null
	 */
	String text(int row);

	/**
	 * The rows at the given indices, in that order.
	 * @param rows row indices, repetitions allowed
	 * @return a new column
	 */
	Column select(int[] rows);

	/**
	 * The same values under another name.
	 * @param newName the new name
	 * @return a new column
	 */
	Column rename(String newName);

}
