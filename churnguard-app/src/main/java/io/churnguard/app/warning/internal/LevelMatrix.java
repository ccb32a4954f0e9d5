package io.churnguard.app.warning.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.warning.WarningLevel;

/**
 * Warning levels from risk band × value grade: the first word on how serious a model
 * warning is. A cell without a level raises no warning.
 */
final class LevelMatrix {

	static final List<String> BANDS = List.of("high", "medium", "low");

	/** Grades, and {@code -} for a customer not graded yet. */
	static final List<String> GRADES = List.of("A", "B", "C", "D", "E", "-");

	private final Map<String, WarningLevel> cells;

	LevelMatrix(Map<String, WarningLevel> cells) {
		this.cells = Map.copyOf(cells);
	}

	Optional<WarningLevel> level(String riskBand, String grade) {
		return Optional.ofNullable(this.cells.get(key(riskBand, (grade != null) ? grade : "-")));
	}

	/**
	 * The matrix as rows of band → grade → level rank (null for none), for pages and the
	 * API.
	 */
	Map<String, Map<String, Integer>> table() {
		Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
		for (String band : BANDS) {
			Map<String, Integer> row = new LinkedHashMap<>();
			for (String grade : GRADES) {
				WarningLevel level = this.cells.get(key(band, grade));
				row.put(grade, (level != null) ? level.rank() : null);
			}
			table.put(band, row);
		}
		return table;
	}

	static String key(String band, String grade) {
		return band + "/" + grade;
	}

}
