package io.churnguard.app.warning.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.AuditLog;
import io.churnguard.app.security.AuditRecord;
import io.churnguard.app.warning.WarningLevel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The level matrix in the database, edited in the console and API, every change audited.
 */
@Component
class LevelMatrixStore {

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	LevelMatrixStore(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	LevelMatrix current() {
		Map<String, WarningLevel> cells = new HashMap<>();
		this.jdbc.query("select risk_band, grade, level from warning_level_matrix", rs -> {
			int level = rs.getInt("level");
			if (!rs.wasNull()) {
				cells.put(LevelMatrix.key(rs.getString("risk_band"), rs.getString("grade")),
						WarningLevel.ofRank(level));
			}
		});
		return new LevelMatrix(cells);
	}

	/**
	 * @param table band → grade → level rank (1–4) or null for none
	 */
	@Transactional
	LevelMatrix save(Map<String, Map<String, Integer>> table, String user) {
		Map<String, Map<String, Integer>> before = current().table();
		for (String band : LevelMatrix.BANDS) {
			Map<String, Integer> row = table.get(band);
			if (row == null) {
				throw new IllegalArgumentException("the matrix has no row for the risk band '" + band + "'");
			}
			for (String grade : LevelMatrix.GRADES) {
				Integer level = row.get(grade);
				if (level != null && (level < 1 || level > 4)) {
					throw new IllegalArgumentException(band + "/" + grade + ": a level is 1 (I) to 4 (IV), or empty");
				}
				this.jdbc.update("update warning_level_matrix set level = ? where risk_band = ? and grade = ?", level,
						band, grade);
			}
		}
		this.audit.record(AuditRecord.success("WARNING_LEVELS_CHANGED", "warning_level_matrix", null)
			.by(user, null)
			.with("before", before.toString())
			.with("after", current().table().toString()));
		return current();
	}

	static List<String> bands() {
		return LevelMatrix.BANDS;
	}

}
