package io.churnguard.ml.feature;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link FeatureTable} as RFC 4180 CSV. Numbers are written in Java's shortest
 * round-tripping form so that a table read back holds the same doubles.
 */
final class FeatureTableCsvWriter {

	private final Writer out;

	FeatureTableCsvWriter(Writer out) {
		this.out = out;
	}

	void write(FeatureTable table) throws IOException {
		StringBuilder line = new StringBuilder(1024);
		line.append("customer_id,observation_date");
		for (String name : table.numericNames()) {
			line.append(',').append(name);
		}
		for (String name : table.categoricalNames()) {
			line.append(',').append(name);
		}
		line.append(",label\n");
		this.out.write(line.toString());
		for (int row = 0; row < table.rowCount(); row++) {
			line.setLength(0);
			quote(line, table.customerId(row));
			line.append(',').append(table.observationDate(row));
			for (int c = 0; c < table.numericNames().size(); c++) {
				line.append(',');
				double value = table.value(row, c);
				if (!Double.isNaN(value)) {
					if (value == Math.rint(value) && Math.abs(value) < 1e15) {
						line.append((long) value);
					}
					else {
						line.append(value);
					}
				}
			}
			for (String category : table.categoricalRow(row)) {
				line.append(',');
				if (category != null) {
					quote(line, category);
				}
			}
			line.append(',');
			if (table.label(row) >= 0) {
				line.append(table.label(row));
			}
			line.append('\n');
			this.out.write(line.toString());
		}
		this.out.flush();
	}

	private static void quote(StringBuilder line, String value) {
		boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0;
		if (!needsQuotes) {
			line.append(value);
			return;
		}
		line.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

}
