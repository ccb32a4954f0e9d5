package io.churnguard.bench.features;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.churnguard.ml.feature.EventBlock;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The reference engine: an in-memory DuckDB holding the benchmark's events and customers,
 * computing the feature set with {@link DuckDbFeatureSql}.
 */
final class DuckDbReference implements AutoCloseable {

	private final Connection connection;

	private final FeaturePlan plan;

	DuckDbReference(FeaturePlan plan, int threads) throws SQLException {
		this.plan = plan;
		this.connection = DriverManager.getConnection("jdbc:duckdb:");
		execute("SET threads = " + threads);
		execute("CREATE TABLE events (c INTEGER, d INTEGER, t TINYINT, s TINYINT, amount DOUBLE, quantity DOUBLE)");
		execute("CREATE TABLE customers (c INTEGER, join_day INTEGER, contract_end INTEGER, fee DOUBLE, grp BOOLEAN, "
				+ "plan VARCHAR, grade VARCHAR)");
	}

	/** Appends the dataset; not timed: loading is not what the benchmark compares. */
	void load(BenchDataset data) throws SQLException {
		DuckDBConnection duck = this.connection.unwrap(DuckDBConnection.class);
		try (DuckDBAppender events = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
			for (EventBlock block : data.blocks()) {
				for (int customer = 0; customer < block.customerCount(); customer++) {
					int c = BenchDataset.customerIndex(block.customerId(customer));
					for (int e = block.start(customer); e < block.end(customer); e++) {
						int kind = block.kind(e);
						events.beginRow();
						events.append(c);
						events.append(block.day(e));
						int type = this.plan.typeOf(kind).ordinal();
						events.append((byte) type);
						events.append((byte) (kind - this.plan.kind(this.plan.typeOf(kind), null)));
						appendValue(events, block.amount(e));
						appendValue(events, block.quantity(e));
						events.endRow();
					}
				}
			}
		}
		try (DuckDBAppender customers = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "customers")) {
			for (int c = 0; c < data.customers(); c++) {
				customers.beginRow();
				customers.append(c);
				customers.append(data.joinDay()[c]);
				if (data.contractEndDay()[c] == Integer.MIN_VALUE) {
					customers.appendNull();
				}
				else {
					customers.append(data.contractEndDay()[c]);
				}
				customers.append(data.monthlyFee()[c]);
				customers.append(data.groupAccount()[c]);
				customers.append(BenchDataset.PLANS[data.plan()[c]]);
				customers.append(BenchDataset.GRADES[c % BenchDataset.GRADES.length]);
				customers.endRow();
			}
		}
	}

	/**
	 * Computes the features into table {@code duck_features}.
	 * @return the elapsed nanoseconds
	 */
	long compute(int asOfDay) throws SQLException {
		String sql = new DuckDbFeatureSql(this.plan, asOfDay).createTable();
		long start = System.nanoTime();
		execute(sql);
		return System.nanoTime() - start;
	}

	/** Sum and count of non-null values per numeric feature, in numeric order. */
	double[][] checksums() throws SQLException {
		List<String> names = this.plan.featureSet().numericNames();
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int i = 0; i < names.size(); i++) {
			sql.append((i > 0) ? ", " : "")
				.append("sum(")
				.append(names.get(i))
				.append("), count(")
				.append(names.get(i))
				.append(')');
		}
		sql.append(" FROM duck_features");
		double[][] sums = new double[2][names.size()];
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery(sql.toString())) {
			rows.next();
			for (int i = 0; i < names.size(); i++) {
				sums[0][i] = rows.getDouble(2 * i + 1);
				sums[1][i] = rows.getLong(2 * i + 2);
			}
		}
		return sums;
	}

	/**
	 * The feature rows of customers whose index is a multiple of {@code every}, by index.
	 */
	List<Object[]> sample(int every) throws SQLException {
		FeatureSet set = this.plan.featureSet();
		List<Object[]> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT * FROM duck_features WHERE c % " + every + " = 0 ORDER BY c")) {
			while (result.next()) {
				double[] numeric = new double[set.numericNames().size()];
				for (int i = 0; i < numeric.length; i++) {
					double value = result.getDouble(2 + i);
					numeric[i] = result.wasNull() ? Double.NaN : value;
				}
				String[] categorical = new String[set.categoricalNames().size()];
				for (int i = 0; i < categorical.length; i++) {
					categorical[i] = result.getString(2 + numeric.length + i);
				}
				rows.add(new Object[] { result.getInt(1), numeric, categorical });
			}
		}
		return rows;
	}

	List<String> numericNames() {
		return this.plan.featureSet().numericNames();
	}

	String version() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version()")) {
			result.next();
			return result.getString(1);
		}
	}

	private static void appendValue(DuckDBAppender appender, double value) throws SQLException {
		if (Double.isNaN(value)) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
