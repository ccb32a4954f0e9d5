package io.churnguard.ml.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test-only reading of the simulator's files: a deliberately plain parser (the project's
 * importers are tested elsewhere) that splits the fixed leading columns and keeps the
 * quoted attributes column whole.
 */
final class SimulationFiles {

	private SimulationFiles() {
	}

	/** One row of events.csv. */
	record EventRow(String eventId, String customerId, LocalDate date, int secondOfDay, String type, String subtype,
			double amount, double quantity, String attributes) {

	}

	/** One row of truth.csv. */
	record TruthRow(String customerId, LocalDate churnDate, double monthlyProbability, double probability90,
			UpliftSegment segment, double[] effects) {

		double effect(RetentionAction action) {
			return this.effects[action.ordinal()];
		}

	}

	static List<String> header(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return List.of(reader.readLine().split(","));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** customers.csv by customer id; fields split on commas (no field holds one). */
	static Map<String, Map<String, String>> customers(Path dir) {
		Map<String, Map<String, String>> customers = new LinkedHashMap<>();
		List<String> header = header(dir.resolve("customers.csv"));
		lines(dir.resolve("customers.csv"), (line) -> {
			String[] fields = line.split(",", -1);
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), fields[i]);
			}
			customers.put(fields[0], row);
		});
		return customers;
	}

	static Map<String, TruthRow> truth(Path dir) {
		Map<String, TruthRow> truth = new LinkedHashMap<>();
		lines(dir.resolve("truth.csv"), (line) -> {
			String[] f = line.split(",", -1);
			double[] effects = new double[RetentionAction.values().length];
			for (int a = 0; a < effects.length; a++) {
				effects[a] = number(f[5 + a]);
			}
			truth.put(f[0], new TruthRow(f[0], f[1].isEmpty() ? null : LocalDate.parse(f[1]), number(f[2]),
					number(f[3]), UpliftSegment.fromCode(f[4]), effects));
		});
		return truth;
	}

	static void events(Path dir, Consumer<EventRow> consumer) {
		lines(dir.resolve("events.csv"), (line) -> consumer.accept(event(line)));
	}

	static List<EventRow> eventList(Path dir) {
		List<EventRow> events = new ArrayList<>();
		events(dir, events::add);
		return events;
	}

	static EventRow event(String line) {
		int[] commas = new int[7];
		int from = 0;
		for (int i = 0; i < 7; i++) {
			commas[i] = line.indexOf(',', from);
			from = commas[i] + 1;
		}
		String time = line.substring(commas[1] + 1, commas[2]);
		int second = Integer.parseInt(time, 11, 13, 10) * 3600 + Integer.parseInt(time, 14, 16, 10) * 60
				+ Integer.parseInt(time, 17, 19, 10);
		return new EventRow(line.substring(0, commas[0]), line.substring(commas[0] + 1, commas[1]),
				LocalDate.of(Integer.parseInt(time, 0, 4, 10), Integer.parseInt(time, 5, 7, 10),
						Integer.parseInt(time, 8, 10, 10)),
				second, line.substring(commas[2] + 1, commas[3]), line.substring(commas[3] + 1, commas[4]),
				number(line.substring(commas[4] + 1, commas[5])), number(line.substring(commas[5] + 1, commas[6])),
				line.substring(commas[6] + 1));
	}

	static List<String> rawLines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void lines(Path file, Consumer<String> consumer) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				consumer.accept(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double number(String field) {
		return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
	}

}
