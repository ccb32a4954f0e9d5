package io.churnguard.app.feature.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.feature.SettledFeatures;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.CustomerStateCodec;
import io.churnguard.ml.feature.EventBlock;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Settled feature states in {@code feature_state} (one row per customer) under the one
 * row of {@code feature_state_set} (the boundary day, the layout, the run epoch).
 * <p>
 * A run first announces the boundary it will settle at, in a transaction of its own that
 * waits, through an advisory lock every loading batch shares ({@link #loading}), for the
 * batches in flight: every batch then either committed before the run reads, or marks its
 * customers stale against the new boundary. States marked stale during the run are not
 * overwritten by it.
 */
@Component
class JdbcFeatureStates implements SettledFeatures, DisposableBean {

	/**
	 * The advisory lock loading batches take shared and a run announcing itself alone.
	 */
	static final long LOCK = 7_474_211_830L;

	/** Beyond this many days since the boundary, the whole log is read instead. */
	static final int MAX_DAYS_SINCE = 31;

	/** Beyond this share of stale states, the whole log is read instead. */
	static final double MAX_STALE_SHARE = 0.2;

	private static final Logger log = LoggerFactory.getLogger(JdbcFeatureStates.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ArchiveEvents archive;

	private final FeatureCatalog catalog;

	/** Stores a run's states while the run goes on; one run at a time stores. */
	private final ExecutorService storing = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "feature-state-store");
		thread.setDaemon(true);
		return thread;
	});

	JdbcFeatureStates(DataSource dataSource, JdbcTemplate jdbc, ArchiveEvents archive, FeatureCatalog catalog) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.archive = archive;
		this.catalog = catalog;
	}

	@Override
	public Computed allAsOf(LocalDate asOf, Function<String, CustomerAttributes> attributes, int threads) {
		FeaturePlan plan = this.catalog.plan();
		String layout = CustomerStateCodec.layout(plan);
		LocalDate settleBefore = asOf.minusDays(OPEN_DAYS);
		// A run for a past day stores nothing, so it need not announce itself (and must
		// not: a daily run under way would then not store its states).
		Begun found = current();
		Begun begun = found.storesAt(layout, settleBefore) ? begin(settleBefore) : found;
		boolean store = begun.storesAt(layout, settleBefore) && begun.epoch > 0;
		long[] counts = new long[2];
		// Read before the states are written: the writer's COPY holds this transaction's
		// connection from then on.
		List<String> stale = List.of();
		boolean fromStates = store && layout.equals(begun.layout) && begun.settledBefore != null
				&& ChronoUnit.DAYS.between(begun.settledBefore, asOf) <= MAX_DAYS_SINCE;
		if (fromStates) {
			stale = this.jdbc.queryForList("select customer_id from feature_state where state is null", String.class);
			long total = this.jdbc.queryForObject("select count(*) from feature_state", Long.class);
			fromStates = stale.size() <= MAX_STALE_SHARE * Math.max(1, total);
		}
		List<String> staleCustomers = fromStates ? stale : List.of();
		BatchFeatureRunner runner = new BatchFeatureRunner(plan, threads);
		// The states go through a connection of their own and are committed on their own
		// once the features are computed, while the caller goes on scoring: they hold
		// only what the log holds, so they are right whatever becomes of the caller's
		// transaction.
		Connection connection = null;
		StateWriter writer = null;
		try {
			if (store) {
				connection = this.dataSource.getConnection();
				connection.setAutoCommit(false);
				writer = new StateWriter(connection);
			}
			BiConsumer<String, byte[]> settled = (writer != null) ? writer::add : (id, state) -> {
			};
			FeatureTable table;
			if (fromStates) {
				table = runner.asOf(
						blocks -> resume(plan, runner, begun.settledBefore, asOf, staleCustomers, blocks, counts),
						attributes, asOf, settleBefore, settled);
			}
			else {
				table = runner.asOf(blocks -> runner.blocks(this.archive.events(null, asOf), blocks), attributes, asOf,
						settleBefore, settled);
				counts[1] = table.rowCount();
			}
			log.info("Features as of {} for {} customers: {} stored states read, {} whole histories", asOf,
					table.rowCount(), counts[0], counts[1]);
			CompletableFuture<Long> stored = CompletableFuture.completedFuture(0L);
			if (writer != null) {
				writer.finish();
				writer = null;
				Connection own = connection;
				boolean replaceAll = !fromStates;
				stored = CompletableFuture
					.supplyAsync(() -> storeWritten(own, begun.epoch, layout, settleBefore, replaceAll), this.storing);
				// storeWritten closes it.
				connection = null;
			}
			return new Computed(table, fromStates, counts[0], counts[1], stored);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			// The connection must leave COPY mode to roll back.
			if (writer != null) {
				writer.cancel();
			}
			if (ex instanceof SQLException sql) {
				throw new IllegalStateException("could not store feature states: " + sql.getMessage(), sql);
			}
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
		finally {
			if (connection != null) {
				close(connection);
			}
		}
	}

	@Override
	public Map<String, Settled> settled(FeaturePlan plan, Collection<String> customerIds) {
		Map<String, Settled> settled = new HashMap<>();
		if (customerIds.isEmpty()) {
			return settled;
		}
		String layout = CustomerStateCodec.layout(plan);
		// One statement, so the boundary and the rows belong together even while a run
		// commits new ones.
		Map<String, byte[]> rows = new HashMap<>();
		Set<String> stale = new HashSet<>();
		LocalDate[] before = new LocalDate[1];
		this.jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					select s.layout, s.settled_before, f.customer_id, f.state from feature_state_set s
					left join feature_state f on f.customer_id = any (?)""");
			statement.setArray(1, connection.createArrayOf("varchar", customerIds.toArray()));
			return statement;
		}, rs -> {
			if (!layout.equals(rs.getString(1)) || rs.getObject(2) == null) {
				return;
			}
			before[0] = rs.getObject(2, LocalDate.class);
			String customerId = rs.getString(3);
			if (customerId != null) {
				byte[] state = rs.getBytes(4);
				if (state == null) {
					stale.add(customerId);
				}
				else {
					rows.put(customerId, state);
				}
			}
		});
		if (before[0] == null) {
			return settled;
		}
		for (String customerId : customerIds) {
			if (!stale.contains(customerId)) {
				settled.put(customerId, new Settled(before[0], rows.get(customerId)));
			}
		}
		return settled;
	}

	@Override
	public void loading(Map<String, LocalDate> earliest) {
		if (earliest.isEmpty()) {
			return;
		}
		// Two statements: the lock first, so that the boundary read after it is the one a
		// run announcing itself has just committed.
		this.jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> {
		}, LOCK);
		List<Map<String, Object>> set = this.jdbc
			.queryForList("select greatest(settled_before, pending_before) as boundary, epoch from feature_state_set");
		if (set.isEmpty() || set.get(0).get("boundary") == null) {
			return;
		}
		LocalDate boundary = ((Date) set.get(0).get("boundary")).toLocalDate();
		long epoch = ((Number) set.get(0).get("epoch")).longValue();
		// Sorted, so that two batches marking the same customers lock their rows in the
		// same order.
		List<String> late = earliest.entrySet()
			.stream()
			.filter(entry -> entry.getValue().isBefore(boundary))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		if (late.isEmpty()) {
			return;
		}
		this.jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into feature_state (customer_id, state, stale_epoch)
					select id, null, ? from unnest(?::varchar[]) as id
					on conflict (customer_id) do update set state = null, stale_epoch = excluded.stale_epoch""");
			statement.setLong(1, epoch);
			statement.setArray(2, connection.createArrayOf("varchar", late.toArray()));
			return statement;
		});
		log.debug("{} customers' stored feature states marked stale by late events", late.size());
	}

	/**
	 * Every customer from their stored state and the events since its boundary. A
	 * customer without a row had no event before the boundary ({@link #loading} writes a
	 * row for every late one) and starts afresh; a stale customer's whole history is
	 * read.
	 */
	private void resume(FeaturePlan plan, BatchFeatureRunner runner, LocalDate from, LocalDate asOf, List<String> stale,
			Consumer<EventBlock> blocks, long[] counts) throws IOException {
		// The days since the boundary, all customers, held as one block: a few days of a
		// month-long log.
		EventBlock.Builder recentBuilder = EventBlock.builder(plan);
		this.archive.events(null, from, asOf)
			.read((id, time, type, subtype, amount, quantity) -> recentBuilder.add(id,
					(int) time.toLocalDate().toEpochDay(), plan.kind(type, subtype), amount, quantity));
		EventBlock recent = recentBuilder.build();
		Map<String, Integer> recentIndex = new HashMap<>(recent.customerCount() * 2);
		for (int c = 0; c < recent.customerCount(); c++) {
			recentIndex.put(recent.customerId(c), c);
		}
		stale.forEach(recentIndex::remove);
		BlockFiller filler = new BlockFiller(plan, recent, blocks);
		try (Connection connection = this.dataSource.getConnection();
				InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class),
						"copy (select customer_id, state from feature_state where state is not null) to stdout (format binary)")) {
			BinaryCopyCursor data = new BinaryCopyCursor(in);
			data.header();
			while (data.int16() != -1) {
				String customerId = new String(data.field(), StandardCharsets.UTF_8);
				filler.customer(customerId, data.field(), recentIndex.remove(customerId));
				counts[0]++;
			}
		}
		catch (SQLException ex) {
			throw new IOException("cannot read the feature states: " + ex.getMessage(), ex);
		}
		// Customers whose first events came after the boundary.
		for (Map.Entry<String, Integer> entry : recentIndex.entrySet()) {
			filler.customer(entry.getKey(), null, entry.getValue());
		}
		filler.flush();
		if (!stale.isEmpty()) {
			runner.blocks(this.archive.events(stale, null, asOf), blocks);
			counts[1] = stale.size();
		}
	}

	/**
	 * Announces the boundary a run settles at, in a transaction of its own, once the
	 * inserts in flight have ended.
	 */
	private Begun begin(LocalDate settleBefore) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
					lock.setLong(1, LOCK);
					lock.execute();
				}
				try (PreparedStatement statement = connection.prepareStatement("""
						insert into feature_state_set (layout, pending_before, epoch) values ('', ?, 1)
						on conflict (id) do update set pending_before = excluded.pending_before,
						  epoch = feature_state_set.epoch + 1
						returning layout, settled_before, epoch""")) {
					statement.setDate(1, Date.valueOf(settleBefore));
					try (ResultSet rs = statement.executeQuery()) {
						rs.next();
						Begun begun = new Begun(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3));
						connection.commit();
						return begun;
					}
				}
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not begin a feature state run: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Moves the written states into the store and the boundary forward, unless a later
	 * run has begun since (it will store its own), and commits; closes the connection.
	 */
	private long storeWritten(Connection connection, long epoch, String layout, LocalDate settleBefore,
			boolean replaceAll) {
		long started = System.nanoTime();
		try {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			Long current = jdbc.queryForObject("select epoch from feature_state_set for update", Long.class);
			if (current == null || current != epoch) {
				log.info("A later feature run has begun: the states of this one are not stored");
				connection.rollback();
				return 0;
			}
			if (replaceAll) {
				// Kept: the rows this run's late events marked stale.
				jdbc.update("delete from feature_state where stale_epoch is distinct from ?", epoch);
			}
			int stored = jdbc.update("""
					insert into feature_state (customer_id, state, stale_epoch)
					select customer_id, state, null from feature_state_new
					on conflict (customer_id) do update set state = excluded.state, stale_epoch = null
					where feature_state.stale_epoch is distinct from ?""", epoch);
			jdbc.update("""
					update feature_state_set set layout = ?, settled_before = ?, pending_before = null,
					  written_at = now()
					where epoch = ?""", layout, settleBefore, epoch);
			connection.commit();
			log.info("{} feature states settled before {} stored in {} ms", stored, settleBefore,
					(System.nanoTime() - started) / 1_000_000);
			return stored;
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.rollback();
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw new IllegalStateException("could not store feature states: " + ex.getMessage(), ex);
		}
		finally {
			close(connection);
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			log.warn("Could not close a feature state connection: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.storing.shutdown();
	}

	/** What a run found when it began: epoch 0 when it did not announce itself. */
	private record Begun(String layout, LocalDate settledBefore, long epoch) {

		/**
		 * Whether a run settling at the day stores its states: not when the stored ones
		 * are of this layout and newer.
		 */
		boolean storesAt(String runLayout, LocalDate settleBefore) {
			return !runLayout.equals(this.layout) || this.settledBefore == null
					|| !this.settledBefore.isAfter(settleBefore);
		}

	}

	private Begun current() {
		List<Begun> set = this.jdbc.query("select layout, settled_before from feature_state_set",
				(rs, row) -> new Begun(rs.getString(1), rs.getObject(2, LocalDate.class), 0));
		return set.isEmpty() ? new Begun("", null, 0) : set.get(0);
	}

	/**
	 * Blocks of customers that continue stored states (or start afresh) with their events
	 * since the boundary.
	 */
	private static final class BlockFiller {

		private final FeaturePlan plan;

		private final EventBlock recent;

		private final Consumer<EventBlock> blocks;

		private EventBlock.Builder builder;

		BlockFiller(FeaturePlan plan, EventBlock recent, Consumer<EventBlock> blocks) {
			this.plan = plan;
			this.recent = recent;
			this.blocks = blocks;
			this.builder = EventBlock.builder(plan);
		}

		void customer(String customerId, byte[] state, Integer recentCustomer) {
			if (this.builder.customerCount() >= BatchFeatureRunner.CUSTOMERS_PER_BLOCK) {
				flush();
			}
			if (state != null) {
				this.builder.startCustomer(customerId, state);
			}
			else {
				this.builder.startCustomer(customerId);
			}
			if (recentCustomer != null) {
				EventBlock events = this.recent;
				for (int e = events.start(recentCustomer); e < events.end(recentCustomer); e++) {
					this.builder.add(customerId, events.day(e), events.kind(e), events.amount(e), events.quantity(e));
				}
			}
		}

		void flush() {
			if (this.builder.customerCount() > 0) {
				this.blocks.accept(this.builder.build());
				this.builder = EventBlock.builder(this.plan);
			}
		}

	}

	/**
	 * States streamed into a temporary table with a binary COPY on a connection of their
	 * own while the log is read on another.
	 */
	private static final class StateWriter {

		private static final byte[] HEADER = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

		private static final int CHUNK = 1 << 20;

		private final CopyIn copy;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + (64 << 10));

		private final ByteBuffer number = ByteBuffer.allocate(4);

		StateWriter(Connection connection) throws SQLException {
			try (var statement = connection.createStatement()) {
				statement.execute("create temp table if not exists feature_state_new "
						+ "(customer_id varchar(64), state bytea) on commit drop");
			}
			this.copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy feature_state_new (customer_id, state) from stdin (format binary)");
			this.buffer.writeBytes(HEADER);
		}

		void add(String customerId, byte[] state) {
			byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
			this.buffer.write(0);
			this.buffer.write(2);
			int32(id.length);
			this.buffer.writeBytes(id);
			int32(state.length);
			this.buffer.writeBytes(state);
			if (this.buffer.size() >= CHUNK) {
				send();
			}
		}

		void finish() throws SQLException {
			this.buffer.write(0xFF);
			this.buffer.write(0xFF);
			send();
			this.copy.endCopy();
		}

		void cancel() {
			try {
				this.copy.cancelCopy();
			}
			catch (SQLException ex) {
				log.warn("Could not cancel the feature state COPY: {}", ex.getMessage());
			}
		}

		private void int32(int value) {
			this.number.clear();
			this.number.putInt(value);
			this.buffer.write(this.number.array(), 0, 4);
		}

		private void send() {
			try {
				byte[] bytes = this.buffer.toByteArray();
				this.copy.writeToCopy(bytes, 0, bytes.length);
				this.buffer.reset();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("could not write feature states: " + ex.getMessage(), ex);
			}
		}

	}

}
