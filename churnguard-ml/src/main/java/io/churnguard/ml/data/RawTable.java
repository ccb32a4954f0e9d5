package io.churnguard.ml.data;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A table as text, before type inference: the header, the cells column by column, and how
 * the file was read.
 *
 * @param header the column names, made unique and non-blank
 * @param cells the cells, {@code cells[column][row]}, exactly as in the file
 * @param charset the charset the file was decoded with
 * @param delimiter the field separator
 */
public record RawTable(List<String> header, String[][] cells, Charset charset, char delimiter) {

	/** The number of data rows. */
	public int rowCount() {
		return (this.cells.length == 0) ? 0 : this.cells[0].length;
	}

	/**
	 * The cells of one column.
	 * @param name the column name
	 * @return the cells
	 */
	public String[] column(String name) {
		int i = this.header.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException("No column '" + name + "'; columns are " + this.header);
		}
		return this.cells[i];
	}

}
