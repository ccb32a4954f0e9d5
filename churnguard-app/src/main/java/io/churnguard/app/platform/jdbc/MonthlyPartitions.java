package io.churnguard.app.platform.jdbc;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly partitions of a table partitioned by range of a date or timestamp column,
 * named {@code
 *
<table>
 * _yYYYYmMM}: created as rows for a new month arrive, and dropped when a retention period
 * has passed. There is no default partition: a row always lands in its month, and months
 * are never scanned to be split later.
 */
public final class MonthlyPartitions {

	private final JdbcTemplate jdbc;

	private final String table;

	private final Pattern names;

	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	/**
	 * @param jdbc the database
	 * @param table the partitioned table (a plain identifier)
	 */
	public MonthlyPartitions(JdbcTemplate jdbc, String table) {
		if (!table.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a plain table name: " + table);
		}
		this.jdbc = jdbc;
		this.table = table;
		this.names = Pattern.compile(Pattern.quote(table) + "_y(\\d{4})m(\\d{2})");
	}

	/**
	 * Creates the partitions of the given months that do not exist yet.
	 * @param months the months
	 */
	public void ensure(Collection<YearMonth> months) {
		for (YearMonth month : months) {
			if (this.known.contains(month)) {
				continue;
			}
			// "if not exists" makes concurrent writers (a server and a CLI import) safe.
			this.jdbc.execute("create table if not exists " + name(month) + " partition of " + this.table
					+ " for values from ('" + month.atDay(1) + "') to ('" + month.plusMonths(1).atDay(1) + "')");
			this.known.add(month);
		}
	}

	/**
	 * Drops the partitions of the months before a month, with their rows.
	 * @param first the first month kept
	 * @return the months dropped, oldest first
	 */
	public List<YearMonth> dropBefore(YearMonth first) {
		List<YearMonth> dropped = new ArrayList<>();
		List<String> partitions = this.jdbc.queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				join pg_class p on p.oid = i.inhparent where p.relname = ? order by c.relname""", String.class,
				this.table);
		for (String partition : partitions) {
			Matcher matcher = this.names.matcher(partition);
			if (!matcher.matches()) {
				continue;
			}
			YearMonth month = YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
			if (month.isBefore(first)) {
				this.jdbc.execute("drop table if exists " + partition);
				this.known.remove(month);
				dropped.add(month);
			}
		}
		return dropped;
	}

	/**
	 * @param month a month
	 * @return the name of its partition
	 */
	public String name(YearMonth month) {
		return String.format("%s_y%04dm%02d", this.table, month.getYear(), month.getMonthValue());
	}

}
