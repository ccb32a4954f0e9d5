package io.churnguard.ml.feature;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.EventType;

/**
 * Computes features in one pass over events grouped by customer and sorted by time.
 * Blocks of customers are evaluated in parallel, each thread through its own
 * {@link CustomerState}; results are handed on in block order, so the output is the same
 * whatever the number of threads.
 */
public final class BatchFeatureRunner {

	/** Customers per block when a runner groups a row source into blocks. */
	public static final int CUSTOMERS_PER_BLOCK = 1024;

	private final FeaturePlan plan;

	private final int threads;

	/**
	 * Creates a runner.
	 * @param plan the compiled features
	 * @param threads the number of worker threads; 1 evaluates in the caller's thread
	 */
	public BatchFeatureRunner(FeaturePlan plan, int threads) {
		this.plan = Objects.requireNonNull(plan, "plan");
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		this.threads = threads;
	}

	/** The plan this runner evaluates. */
	public FeaturePlan plan() {
		return this.plan;
	}

	/**
	 * Features of every customer of a source as of one date, for scoring.
	 * @param source events grouped by customer, in time order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param asOf the observation date
	 * @return one row per customer
	 * @throws IOException when the source fails
	 */
	public FeatureTable asOf(EventSource source, Function<String, CustomerAttributes> attributes, LocalDate asOf)
			throws IOException {
		return table(source, attributes, ObservationPolicy.asOf(asOf));
	}

	/**
	 * Features of every customer as of one date, and each customer's settled state: the
	 * state of their events before {@code settleBefore}, handed to {@code settled} (in
	 * block order, in the caller's thread) when it differs from the state the block
	 * started the customer from — that is, for a customer without a stored state who has
	 * events before the day, and for one with a stored state who has new events before
	 * it. Stored, the states let the next run read only the days since.
	 * @param blocks blocks of customers, each customer's events in time order and, where
	 * the block carries a stored state, on or after the day it was settled at
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param asOf the observation date
	 * @param settleBefore the day the states are settled at, not after {@code asOf}
	 * @param settled receives the customer and the encoded state
	 * @return one row per customer
	 * @throws IOException when the blocks' source fails
	 */
	public FeatureTable asOf(BlockSource blocks, Function<String, CustomerAttributes> attributes, LocalDate asOf,
			LocalDate settleBefore, BiConsumer<String, byte[]> settled) throws IOException {
		if (settleBefore.isAfter(asOf)) {
			throw new IllegalArgumentException("states are settled on or before the observation date");
		}
		FeatureTable.Builder all = FeatureTable.builder(this.plan.featureSet());
		int settleDay = (int) settleBefore.toEpochDay();
		try (Pipeline<SettlingSink> pipeline = new Pipeline<>(attributes, ObservationPolicy.asOf(asOf),
				() -> new SettlingSink(settleDay, FeatureTable.builder(this.plan.featureSet())), (sink) -> {
					all.append(sink.rows);
					for (int i = 0; i < sink.customerIds.size(); i++) {
						settled.accept(sink.customerIds.get(i), sink.states.get(i));
					}
				})) {
			blocks.forEach(pipeline::submit);
			pipeline.finish();
		}
		return all.build();
	}

	/** Blocks of customers handed on as they are built, for example while reading. */
	@FunctionalInterface
	public interface BlockSource {

		/**
		 * Hands every block to the consumer, in the caller's thread.
		 * @param block receives each block
		 * @throws IOException when reading fails
		 */
		void forEach(Consumer<EventBlock> block) throws IOException;

	}

	/**
	 * The blocks of a row source, {@value #CUSTOMERS_PER_BLOCK} customers each, built as
	 * they are read.
	 * @param source events grouped by customer, in time order
	 * @param blocks receives each block
	 * @throws IOException when the source fails
	 */
	public void blocks(EventSource source, Consumer<EventBlock> blocks) throws IOException {
		EventBlock.Builder[] builder = { EventBlock.builder(this.plan) };
		source.read((customerId, time, type, subtype, amount, quantity) -> {
			EventBlock.Builder current = builder[0];
			if (current.customerCount() >= CUSTOMERS_PER_BLOCK && !customerId.equals(current.currentCustomer())) {
				blocks.accept(current.build());
				current = EventBlock.builder(this.plan);
				builder[0] = current;
			}
			current.add(customerId, (int) time.toLocalDate().toEpochDay(), kind(type, subtype), amount, quantity);
		});
		if (builder[0].customerCount() > 0) {
			blocks.accept(builder[0].build());
		}
	}

	/**
	 * Rows chosen by an observation policy, collected into a table.
	 * @param source events grouped by customer, in time order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param policy the observation dates and labels per customer
	 * @return the rows in source order
	 * @throws IOException when the source fails
	 */
	public FeatureTable table(EventSource source, Function<String, CustomerAttributes> attributes,
			ObservationPolicy policy) throws IOException {
		FeatureTable.Builder all = FeatureTable.builder(this.plan.featureSet());
		run(source, attributes, policy, () -> FeatureTable.builder(this.plan.featureSet()), all::append);
		return all.build();
	}

	/**
	 * Rows chosen by an observation policy, collected into a table.
	 * @param blocks blocks of customers in order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param policy the observation dates and labels per customer
	 * @return the rows in block order
	 */
	public FeatureTable table(Iterator<EventBlock> blocks, Function<String, CustomerAttributes> attributes,
			ObservationPolicy policy) {
		FeatureTable.Builder all = FeatureTable.builder(this.plan.featureSet());
		run(blocks, attributes, policy, () -> FeatureTable.builder(this.plan.featureSet()), all::append);
		return all.build();
	}

	/**
	 * The general form: every block's rows go to a fresh sink, and the sinks are handed
	 * to {@code completed} in block order.
	 * @param <S> the sink type
	 * @param blocks blocks of customers in order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param policy the observation dates and labels per customer
	 * @param sinkPerBlock creates the sink of one block
	 * @param completed receives each block's sink, in block order, in the caller's thread
	 */
	public <S extends RowSink> void run(Iterator<EventBlock> blocks, Function<String, CustomerAttributes> attributes,
			ObservationPolicy policy, Supplier<S> sinkPerBlock, Consumer<S> completed) {
		try (Pipeline<S> pipeline = new Pipeline<>(attributes, policy, sinkPerBlock, completed)) {
			while (blocks.hasNext()) {
				pipeline.submit(blocks.next());
			}
			pipeline.finish();
		}
	}

	/**
	 * The general form over a row source, grouped into blocks of
	 * {@value #CUSTOMERS_PER_BLOCK} customers.
	 * @param <S> the sink type
	 * @param source events grouped by customer, in time order
	 * @param attributes the archive attributes of a customer, null when unknown
	 * @param policy the observation dates and labels per customer
	 * @param sinkPerBlock creates the sink of one block
	 * @param completed receives each block's sink, in block order
	 * @throws IOException when the source fails
	 */
	public <S extends RowSink> void run(EventSource source, Function<String, CustomerAttributes> attributes,
			ObservationPolicy policy, Supplier<S> sinkPerBlock, Consumer<S> completed) throws IOException {
		try (Pipeline<S> pipeline = new Pipeline<>(attributes, policy, sinkPerBlock, completed)) {
			blocks(source, pipeline::submit);
			pipeline.finish();
		}
	}

	private int kind(EventType type, String subtype) {
		return this.plan.kind(type, subtype);
	}

	/**
	 * Evaluates one customer: adds events up to each observation day, then evaluates. The
	 * single sweep behind every batch result.
	 */
	static void sweep(CustomerState state, CustomerEvents view, EventBlock block, int customer,
			Function<String, CustomerAttributes> attributes, ObservationPolicy policy, RowSink sink, double[] numeric,
			String[] categorical) {
		String customerId = block.customerId(customer);
		CustomerAttributes customerAttributes = attributes.apply(customerId);
		state.reset(customerId, customerAttributes);
		byte[] seed = block.seed(customer);
		if (seed != null) {
			CustomerStateCodec.decodeInto(seed, state);
		}
		SettlingSink settling = (sink instanceof SettlingSink settlingSink) ? settlingSink : null;
		boolean settled = settling == null;
		boolean changed = false;
		ObservationPolicy.Observations observations = policy.observe(customerId, customerAttributes,
				view.of(block, customer));
		int event = block.start(customer);
		int end = block.end(customer);
		int[] days = observations.days();
		for (int k = 0; k < days.length; k++) {
			int asOf = days[k];
			while (event < end && block.day(event) < asOf) {
				if (!settled && block.day(event) >= settling.settleDay) {
					settling.settled(customerId, state, seed, changed);
					settled = true;
				}
				changed = true;
				state.add(block.day(event), block.kind(event), block.amount(event), block.quantity(event));
				event++;
			}
			state.evaluate(asOf, numeric, categorical);
			sink.row(customerId, asOf, observations.labels()[k], numeric, categorical);
		}
		if (!settled) {
			settling.settled(customerId, state, seed, changed);
		}
	}

	/** A block's rows and the settled states that changed, encoded on the worker. */
	private static final class SettlingSink implements RowSink {

		final int settleDay;

		final FeatureTable.Builder rows;

		final List<String> customerIds = new ArrayList<>();

		final List<byte[]> states = new ArrayList<>();

		SettlingSink(int settleDay, FeatureTable.Builder rows) {
			this.settleDay = settleDay;
			this.rows = rows;
		}

		@Override
		public void row(String customerId, int asOfDay, int label, double[] numeric, String[] categorical) {
			this.rows.row(customerId, asOfDay, label, numeric, categorical);
		}

		// Only states that differ from the one the customer started from: none at all
		// when there was neither a stored state nor an event before the day.
		void settled(String customerId, CustomerState state, byte[] seed, boolean changed) {
			if (changed || (seed == null && state.lastEventDay() != CustomerState.NONE)) {
				this.customerIds.add(customerId);
				this.states.add(CustomerStateCodec.encode(state, this.settleDay));
			}
		}

	}

	/** Evaluates submitted blocks on worker threads and completes them in order. */
	private final class Pipeline<S extends RowSink> implements AutoCloseable {

		private final Function<String, CustomerAttributes> attributes;

		private final ObservationPolicy policy;

		private final Supplier<S> sinkPerBlock;

		private final Consumer<S> completed;

		private final ExecutorService executor;

		private final ThreadLocal<Worker> workers;

		private final Deque<Future<S>> inFlight = new ArrayDeque<>();

		private Worker inline;

		Pipeline(Function<String, CustomerAttributes> attributes, ObservationPolicy policy, Supplier<S> sinkPerBlock,
				Consumer<S> completed) {
			this.attributes = (attributes != null) ? attributes : (id) -> null;
			this.policy = Objects.requireNonNull(policy, "policy");
			this.sinkPerBlock = sinkPerBlock;
			this.completed = completed;
			if (BatchFeatureRunner.this.threads > 1) {
				AtomicInteger number = new AtomicInteger();
				this.executor = Executors.newFixedThreadPool(BatchFeatureRunner.this.threads, (task) -> {
					Thread thread = new Thread(task, "features-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
				this.workers = ThreadLocal.withInitial(Worker::new);
			}
			else {
				this.executor = null;
				this.workers = null;
				this.inline = new Worker();
			}
		}

		void submit(EventBlock block) {
			if (this.executor == null) {
				this.completed.accept(this.inline.evaluate(block));
				return;
			}
			this.inFlight.add(this.executor.submit(() -> this.workers.get().evaluate(block)));
			// Bounded look-ahead keeps memory flat however long the source is.
			while (this.inFlight.size() > 2 * BatchFeatureRunner.this.threads) {
				completeOldest();
			}
		}

		void finish() {
			while (!this.inFlight.isEmpty()) {
				completeOldest();
			}
		}

		private void completeOldest() {
			try {
				this.completed.accept(this.inFlight.removeFirst().get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CancellationException("interrupted while computing features");
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

		@Override
		public void close() {
			if (this.executor != null) {
				this.inFlight.forEach((future) -> future.cancel(true));
				this.executor.shutdownNow();
			}
		}

		/** One thread's state and buffers. */
		private final class Worker {

			private final CustomerState state = BatchFeatureRunner.this.plan.newState();

			private final CustomerEvents view = new CustomerEvents(BatchFeatureRunner.this.plan);

			private final double[] numeric = new double[BatchFeatureRunner.this.plan.featureSet()
				.numericNames()
				.size()];

			private final String[] categorical = new String[BatchFeatureRunner.this.plan.featureSet()
				.categoricalNames()
				.size()];

			S evaluate(EventBlock block) {
				S sink = Pipeline.this.sinkPerBlock.get();
				for (int c = 0; c < block.customerCount(); c++) {
					sweep(this.state, this.view, block, c, Pipeline.this.attributes, Pipeline.this.policy, sink,
							this.numeric, this.categorical);
				}
				return sink;
			}

		}

	}

}
