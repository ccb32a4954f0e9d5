package io.churnguard.app.ingest.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of a source file: its cells, and the header naming them (shared by all
 * records of a CSV or XLSX file, so a record costs one array, not one map).
 *
 * @param line the line number where it starts (the header is line 1), or the row number
 * in a spreadsheet, as a user finds it in an editor
 * @param header the column names
 * @param cells the cell values, as written in the file
 */
record SourceRecord(long line, Header header, String[] cells) {

	/**
	 * The value of a column, or null when the file has no such column or the row is
	 * short.
	 */
	String get(String column) {
		int index = this.header.indexOf(column);
		return (index >= 0 && index < this.cells.length) ? this.cells[index] : null;
	}

	/** Column names and their positions. */
	static final class Header {

		private final List<String> names;

		private final Map<String, Integer> positions;

		Header(List<String> names) {
			this.names = List.copyOf(names);
			this.positions = new HashMap<>(names.size() * 2);
			for (int i = 0; i < names.size(); i++) {
				this.positions.putIfAbsent(names.get(i), i);
			}
		}

		List<String> names() {
			return this.names;
		}

		int indexOf(String column) {
			Integer index = this.positions.get(column);
			return (index != null) ? index : -1;
		}

	}

}
