package io.churnguard.ml.sim;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes treatments.csv ({@code customer_id,action,date}), the actions a
 * campaign fed back into the simulator.
 */
public final class TreatmentsCsv {

	/** The header line. */
	public static final String HEADER = "customer_id,action,date";

	/** The name of the file in a simulation's output directory. */
	public static final String FILE_NAME = "treatments.csv";

	private TreatmentsCsv() {
	}

	/**
	 * Reads a treatments file (UTF-8, an optional BOM, a header line, columns in any
	 * order, blank lines ignored).
	 * @param file the file
	 * @return the treatments in file order
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException naming the line of a malformed row
	 */
	public static List<Treatment> read(Path file) throws IOException {
		List<Treatment> treatments = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String header = reader.readLine();
			if (header == null) {
				return treatments;
			}
			if (header.startsWith("\uFEFF")) {
				header = header.substring(1);
			}
			List<String> columns = List.of(header.strip().split("\\s*,\\s*"));
			int customer = column(columns, "customer_id", file);
			int action = column(columns, "action", file);
			int date = column(columns, "date", file);
			String line;
			int lineNumber = 1;
			while ((line = reader.readLine()) != null) {
				lineNumber++;
				if (line.isBlank()) {
					continue;
				}
				String[] fields = line.split(",", -1);
				try {
					treatments.add(new Treatment(unquote(fields[customer]),
							RetentionAction.fromCode(unquote(fields[action])), LocalDate.parse(unquote(fields[date]))));
				}
				catch (ArrayIndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException ex) {
					throw new IllegalArgumentException(file + " line " + lineNumber + ": " + ex.getMessage(), ex);
				}
			}
		}
		return treatments;
	}

	/**
	 * Writes treatments with a header line.
	 * @param file the file to create or replace
	 * @param treatments the rows
	 * @throws IOException when the file cannot be written
	 */
	public static void write(Path file, List<Treatment> treatments) throws IOException {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(HEADER);
			writer.write('\n');
			for (Treatment treatment : treatments) {
				writer.write(treatment.customerId());
				writer.write(',');
				writer.write(treatment.action().code());
				writer.write(',');
				writer.write(treatment.date().toString());
				writer.write('\n');
			}
		}
	}

	private static int column(List<String> columns, String name, Path file) {
		int index = columns.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(file + " has no column '" + name + "' (expected " + HEADER + ")");
		}
		return index;
	}

	private static String unquote(String field) {
		String value = field.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
		}
		return value;
	}

}
