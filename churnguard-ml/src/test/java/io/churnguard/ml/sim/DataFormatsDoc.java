package io.churnguard.ml.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Reads the contract, {@code docs/data-formats.md}, so that tests compare the files the
 * simulator writes with what the documentation promises rather than with a copy of it.
 */
final class DataFormatsDoc {

	private static final Pattern CODE = Pattern.compile("`([a-z_<>]+)`");

	private final List<String> lines;

	private DataFormatsDoc(List<String> lines) {
		this.lines = lines;
	}

	/**
	 * The document, found by walking up from the working directory; skips when absent.
	 */
	static DataFormatsDoc load() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("docs/data-formats.md"))) {
			dir = dir.getParent();
		}
		Assumptions.assumeTrue(dir != null, "docs/data-formats.md not found");
		try {
			return new DataFormatsDoc(Files.readAllLines(dir.resolve("docs/data-formats.md")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The columns of a file's first table, in order, e.g. for {@code customers.csv}. */
	List<String> columns(String file) {
		List<String> columns = new ArrayList<>();
		for (String[] row : table(file, 0)) {
			if (row[0].equals("`effect_<action>`")) {
				for (RetentionAction action : RetentionAction.values()) {
					columns.add("effect_" + action.code());
				}
			}
			else {
				columns.add(row[0].replace("`", ""));
			}
		}
		return columns;
	}

	/** The event types and their documented subtypes (empty: any). */
	Map<String, Set<String>> eventVocabulary() {
		Map<String, Set<String>> vocabulary = new LinkedHashMap<>();
		for (String[] row : table("events.csv", 1)) {
			Set<String> subtypes = new LinkedHashSet<>();
			Matcher matcher = CODE.matcher(row[1]);
			while (matcher.find()) {
				subtypes.add(matcher.group(1));
			}
			vocabulary.put(row[0].replace("`", ""), subtypes);
		}
		return vocabulary;
	}

	private List<String[]> table(String file, int which) {
		int line = 0;
		while (!this.lines.get(line).startsWith("## " + file)) {
			line++;
		}
		List<String[]> rows = new ArrayList<>();
		int seen = -1;
		boolean inTable = false;
		for (line++; line < this.lines.size() && !this.lines.get(line).startsWith("## "); line++) {
			String text = this.lines.get(line);
			if (text.startsWith("|")) {
				if (!inTable) {
					inTable = true;
					seen++;
					line++;
					continue;
				}
				if (seen == which) {
					String[] cells = text.substring(1, text.length() - 1).split("\\|");
					for (int i = 0; i < cells.length; i++) {
						cells[i] = cells[i].strip();
					}
					rows.add(cells);
				}
			}
			else {
				inTable = false;
			}
		}
		return rows;
	}

}
