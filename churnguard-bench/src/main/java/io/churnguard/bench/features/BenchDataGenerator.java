package io.churnguard.bench.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.churnguard.ml.event.EventType;
import io.churnguard.ml.feature.EventBlock;
import io.churnguard.ml.feature.FeaturePlan;

/**
 * Generates a deterministic telecom-like event log: each customer's events from its own
 * seeded random stream, so the data is the same for any number of threads. Values are
 * multiples of 0.25, exact in binary, so sums are the same in any order and both engines'
 * values can be compared exactly.
 */
final class BenchDataGenerator {

	// Small enough that no column array is a humongous object for G1 at a 4 GB heap.
	static final int CUSTOMERS_PER_BLOCK = 1024;

	/** How far back the log reaches. */
	static final int SPAN_DAYS = 365;

	private final FeaturePlan plan;

	private final long seed;

	private final EventChoice[] choices;

	private final double[] cumulative;

	BenchDataGenerator(FeaturePlan plan, long seed) {
		this.plan = plan;
		this.seed = seed;
		this.choices = new EventChoice[] { choice(EventType.USAGE, "voice", 20), choice(EventType.USAGE, "data", 20),
				choice(EventType.USAGE, "sms", 5), choice(EventType.USAGE, "session", 5),
				choice(EventType.DIGITAL, "login", 6), choice(EventType.DIGITAL, "browse", 6),
				choice(EventType.DIGITAL, "click", 3), choice(EventType.BILL, "monthly", 5),
				choice(EventType.PAYMENT, "on_time", 4.8), choice(EventType.PAYMENT, "late", 0.9),
				choice(EventType.PAYMENT, "overdue", 0.3), choice(EventType.CONTACT, "hotline", 3),
				choice(EventType.CONTACT, "store", 1.2), choice(EventType.CONTACT, "online_chat", 1.8),
				choice(EventType.COMPLAINT, "network", 1.2), choice(EventType.COMPLAINT, "billing", 0.9),
				choice(EventType.COMPLAINT, "service", 0.6), choice(EventType.COMPLAINT, "other", 0.3),
				choice(EventType.ORDER, "purchase", 3), choice(EventType.ORDER, "device", 0.5),
				choice(EventType.ORDER, "add_on", 1.5), choice(EventType.PLAN_CHANGE, "upgrade", 0.8),
				choice(EventType.PLAN_CHANGE, "downgrade", 0.8), choice(EventType.PLAN_CHANGE, "renewal", 0.4),
				choice(EventType.CUSTOM, "survey", 7) };
		this.cumulative = new double[this.choices.length];
		double total = 0;
		for (int i = 0; i < this.choices.length; i++) {
			total += this.choices[i].weight;
			this.cumulative[i] = total;
		}
		for (int i = 0; i < this.cumulative.length; i++) {
			this.cumulative[i] /= total;
		}
	}

	/** A subtype that encodes to the kind, for building {@code Event}s from blocks. */
	static String subtypeOfKind(FeaturePlan plan, int kind) {
		EventType type = plan.typeOf(kind);
		for (String subtype : SUBTYPES) {
			if (plan.kind(type, subtype) == kind) {
				return subtype;
			}
		}
		return "";
	}

	private static final String[] SUBTYPES = { "voice", "data", "sms", "session", "login", "browse", "click", "monthly",
			"on_time", "late", "overdue", "hotline", "store", "online_chat", "network", "billing", "service", "other",
			"purchase", "device", "add_on", "upgrade", "downgrade", "renewal", "survey" };

	private EventChoice choice(EventType type, String subtype, double weight) {
		return new EventChoice(type, subtype, this.plan.kind(type, subtype), weight);
	}

	BenchDataset generate(long events, int customers, int asOfDay, int threads)
			throws InterruptedException, ExecutionException {
		if (customers < 2 || events < 2L * customers) {
			throw new IllegalArgumentException("need at least 2 customers and 2 events per customer");
		}
		// Pairs of customers share their two counts' sum, so the total is exact.
		int[] counts = new int[customers];
		long base = events / customers;
		SplittableRandom countRandom = new SplittableRandom(this.seed);
		for (int c = 0; c + 1 < customers; c += 2) {
			int delta = countRandom.nextInt((int) (base / 2) + 1);
			counts[c] = (int) (base + delta);
			counts[c + 1] = (int) (base - delta);
		}
		if (customers % 2 == 1) {
			counts[customers - 1] = (int) base;
		}
		counts[customers - 1] += (int) (events - base * customers);

		int[] joinDay = new int[customers];
		int[] contractEndDay = new int[customers];
		double[] fee = new double[customers];
		byte[] planIndex = new byte[customers];
		boolean[] group = new boolean[customers];
		int blockCount = (customers + CUSTOMERS_PER_BLOCK - 1) / CUSTOMERS_PER_BLOCK;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<EventBlock>> futures = new ArrayList<>();
			for (int b = 0; b < blockCount; b++) {
				int from = b * CUSTOMERS_PER_BLOCK;
				int to = Math.min(customers, from + CUSTOMERS_PER_BLOCK);
				futures.add(executor
					.submit(() -> block(from, to, counts, asOfDay, joinDay, contractEndDay, fee, planIndex, group)));
			}
			List<EventBlock> blocks = new ArrayList<>(blockCount);
			for (Future<EventBlock> future : futures) {
				blocks.add(future.get());
			}
			return new BenchDataset(blocks, events, asOfDay, joinDay, contractEndDay, fee, planIndex, group);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private EventBlock block(int from, int to, int[] counts, int asOfDay, int[] joinDay, int[] contractEndDay,
			double[] fee, byte[] planIndex, boolean[] group) {
		int size = 0;
		for (int c = from; c < to; c++) {
			size += counts[c];
		}
		String[] ids = new String[to - from];
		int[] offsets = new int[to - from + 1];
		int[] days = new int[size];
		short[] kinds = new short[size];
		double[] amounts = new double[size];
		double[] quantities = new double[size];
		int e = 0;
		for (int c = from; c < to; c++) {
			SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + c);
			ids[c - from] = BenchDataset.customerId(c);
			offsets[c - from] = e;
			joinDay[c] = asOfDay - 30 - random.nextInt(2000);
			contractEndDay[c] = (random.nextInt(10) < 7) ? asOfDay - 60 + random.nextInt(780) : Integer.MIN_VALUE;
			fee[c] = 19 + random.nextInt(281);
			planIndex[c] = (byte) random.nextInt(BenchDataset.PLANS.length);
			group[c] = random.nextInt(10) == 0;
			int first = Math.max(joinDay[c], asOfDay - SPAN_DAYS);
			int n = counts[c];
			for (int i = 0; i < n; i++) {
				days[e + i] = first + random.nextInt(asOfDay - first);
			}
			Arrays.sort(days, e, e + n);
			for (int i = 0; i < n; i++, e++) {
				EventChoice choice = pick(random.nextDouble());
				kinds[e] = (short) choice.kind;
				amounts[e] = Double.NaN;
				quantities[e] = Double.NaN;
				values(choice, random, e, amounts, quantities);
			}
		}
		offsets[to - from] = e;
		return EventBlock.of(ids, offsets, days, kinds, amounts, quantities);
	}

	private EventChoice pick(double u) {
		int i = 0;
		while (i < this.cumulative.length - 1 && u >= this.cumulative[i]) {
			i++;
		}
		return this.choices[i];
	}

	private static void values(EventChoice choice, SplittableRandom random, int e, double[] amounts,
			double[] quantities) {
		switch (choice.type) {
			case USAGE -> quantities[e] = switch (choice.subtype) {
				case "voice" -> random.nextInt(1, 480) * 0.25;
				case "data" -> random.nextInt(1, 8000) * 0.25;
				default -> random.nextInt(1, 20);
			};
			case DIGITAL -> quantities[e] = random.nextInt(1, 10);
			case BILL -> amounts[e] = random.nextInt(120, 1200) * 0.25;
			case PAYMENT -> {
				boolean overdue = choice.subtype.equals("overdue");
				amounts[e] = overdue ? 0 : random.nextInt(120, 1200) * 0.25;
				quantities[e] = switch (choice.subtype) {
					case "late" -> random.nextInt(1, 30);
					case "overdue" -> random.nextInt(1, 60);
					default -> 0;
				};
			}
			case CONTACT -> quantities[e] = random.nextInt(1, 120) * 0.25;
			case ORDER -> {
				amounts[e] = random.nextInt(40, 20000) * 0.25;
				quantities[e] = random.nextInt(1, 4);
			}
			case PLAN_CHANGE -> amounts[e] = 19 + random.nextInt(281);
			case CUSTOM -> amounts[e] = random.nextInt(0, 400) * 0.25;
			default -> {
				// complaints carry no value
			}
		}
	}

	private record EventChoice(EventType type, String subtype, int kind, double weight) {
	}

}
