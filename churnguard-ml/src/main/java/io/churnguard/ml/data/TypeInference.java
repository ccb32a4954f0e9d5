package io.churnguard.ml.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides the type of every column of a text table. A column is boolean when all its
 * values are yes/no-like, a date when (almost) all are dates, numeric when (almost) all
 * are numbers, and categorical otherwise. Columns that identify rows (an id, a phone
 * number, a name) are reported as id-like so that no model learns from them.
 */
public final class TypeInference {

	/** Share of non-missing cells that must parse for a numeric or date type. */
	private static final double PARSE_SHARE = 0.99;

	private static final Pattern ID_NAME = Pattern.compile(
			"(?i:id|id[_ ].*|.*[_ ]id|.*(email|phone|mobile|surname|^name))|.*[a-z]I[dD]|.*(编号|号码|序号|账号|卡号|手机|电话|身份证|姓名|邮箱)");

	private TypeInference() {
	}

	/**
	 * Reads a CSV file and infers its types.
	 * @param path the file
	 * @return the typed table
	 */
	public static InferredTable read(Path path) {
		return infer(CsvReader.read(path), path.getFileName().toString());
	}

	/**
	 * Infers the types of a text table.
	 * @param raw the table
	 * @param source a name for the notes, e.g. the file name
	 * @return the typed table
	 */
	public static InferredTable infer(RawTable raw, String source) {
		List<Column> columns = new ArrayList<>();
		List<String> idLike = new ArrayList<>();
		List<String> constant = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (int c = 0; c < raw.header().size(); c++) {
			String name = raw.header().get(c);
			String[] cells = raw.cells()[c];
			ColumnSpec spec = specOf(name, cells);
			Column column = spec.parse(cells);
			int unreadable = countUnreadable(cells, column);
			if (unreadable > 0) {
				notes.add(String.format("Column '%s' is %s; %d value(s) that are not were treated as missing", name,
						spec.type().name().toLowerCase(), unreadable));
			}
			int distinct = distinctCount(column);
			int present = presentCount(column);
			if (distinct <= 1) {
				constant.add(name);
				notes.add(String.format("Column '%s' has %s and is not used", name,
						(distinct == 0) ? "no values" : "a single value"));
			}
			else if (isIdLike(column, distinct, present)) {
				idLike.add(name);
				notes.add(
						String.format("Column '%s' looks like an identifier (%d distinct of %d values) and is not used",
								name, distinct, present));
			}
			columns.add(column);
		}
		String where = String.format("%s (%s, '%s'-separated)", source, raw.charset().name(),
				(raw.delimiter() == '\t') ? "\\t" : String.valueOf(raw.delimiter()));
		return new InferredTable(Frame.of(columns), idLike, constant, notes, where);
	}

	/**
	 * Reads a text table with known column specs, as at scoring time; columns without a
	 * spec are inferred.
	 * @param raw the table
	 * @param specs the specs by column name
	 * @return the frame
	 */
	public static Frame apply(RawTable raw, Map<String, ColumnSpec> specs) {
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < raw.header().size(); c++) {
			String name = raw.header().get(c);
			ColumnSpec spec = specs.get(name);
			if (spec == null) {
				spec = specOf(name, raw.cells()[c]);
			}
			columns.add(spec.parse(raw.cells()[c]));
		}
		return Frame.of(columns);
	}

	/**
	 * The type a column of text cells most plausibly has.
	 * @param name the column name
	 * @param cells the cells
	 * @return the spec
	 */
	public static ColumnSpec specOf(String name, String[] cells) {
		int present = 0;
		int numbers = 0;
		int dates = 0;
		int booleans = 0;
		String trueLabel = null;
		String falseLabel = null;
		for (String cell : cells) {
			if (Cells.isMissing(cell)) {
				continue;
			}
			present++;
			if (!Double.isNaN(Cells.parseNumber(cell))) {
				numbers++;
			}
			else if (!Double.isNaN(Cells.parseDate(cell))) {
				dates++;
			}
			double b = Cells.parseBoolean(cell);
			if (!Double.isNaN(b)) {
				booleans++;
				if (b == 1 && trueLabel == null) {
					trueLabel = cell.strip();
				}
				else if (b == 0 && falseLabel == null) {
					falseLabel = cell.strip();
				}
			}
		}
		if (present == 0) {
			return new ColumnSpec(name, ColumnType.CATEGORICAL, null, null);
		}
		if (booleans == present && trueLabel != null && falseLabel != null) {
			return new ColumnSpec(name, ColumnType.BOOLEAN, trueLabel, falseLabel);
		}
		if (numbers >= PARSE_SHARE * present) {
			return new ColumnSpec(name, ColumnType.NUMERIC, null, null);
		}
		if (dates >= PARSE_SHARE * present) {
			return new ColumnSpec(name, ColumnType.DATE, null, null);
		}
		return new ColumnSpec(name, ColumnType.CATEGORICAL, null, null);
	}

	private static int countUnreadable(String[] cells, Column column) {
		int n = 0;
		for (int i = 0; i < cells.length; i++) {
			if (column.isMissing(i) && !Cells.isMissing(cells[i])) {
				n++;
			}
		}
		return n;
	}

	private static int presentCount(Column column) {
		int n = 0;
		for (int i = 0; i < column.size(); i++) {
			if (!column.isMissing(i)) {
				n++;
			}
		}
		return n;
	}

	static int distinctCount(Column column) {
		if (column instanceof CategoricalColumn cat) {
			Set<Integer> seen = new HashSet<>();
			for (int i = 0; i < cat.size(); i++) {
				if (cat.code(i) >= 0) {
					seen.add(cat.code(i));
				}
			}
			return seen.size();
		}
		Set<Double> seen = new HashSet<>();
		double[] v = ((NumericColumn) column).values();
		for (double x : v) {
			if (!Double.isNaN(x)) {
				seen.add(x);
			}
		}
		return seen.size();
	}

	/**
	 * Text columns whose values are (nearly) all distinct are identifiers or free text;
	 * integer columns are identifiers when all distinct and either named like an id or a
	 * run of consecutive numbers (a row number).
	 */
	private static boolean isIdLike(Column column, int distinct, int present) {
		if (present < 20) {
			return false;
		}
		double ratio = (double) distinct / present;
		boolean idName = ID_NAME.matcher(column.name()).matches();
		if (column instanceof CategoricalColumn) {
			return ratio >= 0.95 || (idName && ratio >= 0.5);
		}
		if (column.type() != ColumnType.NUMERIC || distinct != present) {
			return false;
		}
		double[] v = ((NumericColumn) column).values();
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (double x : v) {
			if (Double.isNaN(x)) {
				continue;
			}
			if (x != Math.rint(x)) {
				return false;
			}
			min = Math.min(min, x);
			max = Math.max(max, x);
		}
		return idName || (max - min + 1 == distinct);
	}

	/** Counts per level, used by encoders. */
	static Map<String, Integer> levelCounts(CategoricalColumn column, int[] rows) {
		Map<String, Integer> counts = new HashMap<>();
		for (int r : rows) {
			String t = column.text(r);
			if (t != null) {
				counts.merge(t, 1, Integer::sum);
			}
		}
		return counts;
	}

}
