package io.churnguard.ml.data;

/**
 * How to read one column of text: its name, its type and, for booleans, how true and
 * false were written. A fitted pipeline keeps the specs of its training data so that
 * scoring files are read the same way.
 *
 * @param name the column name
 * @param type the type
 * @param trueLabel for booleans, the text of a true value; otherwise null
 * @param falseLabel for booleans, the text of a false value; otherwise null
 */
public record ColumnSpec(String name, ColumnType type, String trueLabel, String falseLabel) {

	/**
	 * Reads cells as this column.
	 * @param cells the text cells
	 * @return the column; unreadable cells become missing
	 */
	public Column parse(String[] cells) {
		int n = cells.length;
		if (this.type == ColumnType.CATEGORICAL) {
			String[] values = new String[n];
			for (int i = 0; i < n; i++) {
				values[i] = Cells.isMissing(cells[i]) ? null : cells[i].strip();
			}
			return CategoricalColumn.of(this.name, values);
		}
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			String cell = cells[i];
			if (Cells.isMissing(cell)) {
				values[i] = Double.NaN;
				continue;
			}
			values[i] = switch (this.type) {
				case BOOLEAN -> Cells.parseBoolean(cell);
				case DATE -> Cells.parseDate(cell);
				default -> Cells.parseNumber(cell);
			};
		}
		return switch (this.type) {
			case BOOLEAN -> NumericColumn.ofBoolean(this.name, values, this.trueLabel, this.falseLabel);
			case DATE -> NumericColumn.ofDates(this.name, values);
			default -> NumericColumn.of(this.name, values);
		};
	}

	/**
	 * The spec of an existing column.
	 * @param column the column
	 * @return its spec
	 */
	public static ColumnSpec of(Column column) {
		if (column instanceof NumericColumn n) {
			return new ColumnSpec(n.name(), n.type(), n.trueLabel(), n.falseLabel());
		}
		return new ColumnSpec(column.name(), column.type(), null, null);
	}

}
