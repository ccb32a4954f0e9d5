package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.util.Arrays;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;

/**
 * The point-in-time state of one customer: the only place where events become feature
 * values, shared by the batch runner, the incremental runner and the training-set
 * builder, so the three can never disagree.
 *
 * <p>
 * Per event stream it keeps daily buckets (count, and count, sum and maximum of amount
 * and quantity) for the stream's longest window, and lifetime totals and first and last
 * days. Events must arrive in time order; features {@linkplain #evaluate as of a day D}
 * may only be asked for when every event added so far lies before D, which is what makes
 * them free of leakage by construction.
 *
 * <p>
 * Not thread-safe: one state per thread (batch) or per customer (incremental).
 */
public final class CustomerState {

	/** Marks an absent day. */
	static final int NONE = Integer.MIN_VALUE;

	/** Days in an average month, for tenure in months. */
	static final double DAYS_PER_MONTH = 365.25 / 12;

	static final int INITIAL_CAPACITY = 4;

	final FeaturePlan plan;

	// Daily buckets per stream: ring buffers of power-of-two capacity, the day in one
	// array and the statistics side by side in another (one cache line per bucket).
	static final int COUNT = 0;

	static final int AMOUNT_COUNT = 1;

	static final int AMOUNT_SUM = 2;

	static final int AMOUNT_MAX = 3;

	static final int QUANTITY_COUNT = 4;

	static final int QUANTITY_SUM = 5;

	static final int QUANTITY_MAX = 6;

	static final int STRIDE = 8;

	final int[][] bucketDay;

	final double[][] bucketStats;

	final int[] head;

	final int[] size;

	// Lifetime per stream.
	final int[] firstDay;

	final int[] lastDay;

	final long[] totalCount;

	final double[] totalAmount;

	final double[] totalQuantity;

	int firstEventDay = NONE;

	int lastEventDay = NONE;

	private String customerId;

	CustomerAttributes attributes;

	int joinDay = NONE;

	int contractEndDay = NONE;

	// Window statistics of the last evaluation, by slot (see FeaturePlan#slot); allocated
	// on evaluation.
	double[] windowCount;

	double[] windowDays;

	double[] windowAmountCount;

	double[] windowAmountSum;

	double[] windowAmountMax;

	double[] windowQuantityCount;

	double[] windowQuantitySum;

	double[] windowQuantityMax;

	int asOf;

	CustomerState(FeaturePlan plan) {
		this.plan = plan;
		int streams = plan.streamCount();
		this.bucketDay = new int[streams][];
		this.bucketStats = new double[streams][];
		this.head = new int[streams];
		this.size = new int[streams];
		this.firstDay = new int[streams];
		this.lastDay = new int[streams];
		this.totalCount = new long[streams];
		this.totalAmount = new double[streams];
		this.totalQuantity = new double[streams];
		reset(null, null);
	}

	private CustomerState(CustomerState source) {
		this.plan = source.plan;
		int streams = source.plan.streamCount();
		this.bucketDay = new int[streams][];
		this.bucketStats = new double[streams][];
		for (int s = 0; s < streams; s++) {
			if (source.bucketDay[s] != null) {
				this.bucketDay[s] = source.bucketDay[s].clone();
				this.bucketStats[s] = source.bucketStats[s].clone();
			}
		}
		this.head = source.head.clone();
		this.size = source.size.clone();
		this.firstDay = source.firstDay.clone();
		this.lastDay = source.lastDay.clone();
		this.totalCount = source.totalCount.clone();
		this.totalAmount = source.totalAmount.clone();
		this.totalQuantity = source.totalQuantity.clone();
		this.firstEventDay = source.firstEventDay;
		this.lastEventDay = source.lastEventDay;
		this.customerId = source.customerId;
		this.attributes = source.attributes;
		this.joinDay = source.joinDay;
		this.contractEndDay = source.contractEndDay;
	}

	/**
	 * An independent copy: events added to it leave this state as it is. Real-time
	 * scoring keeps a customer's settled history as one state and adds the latest events
	 * to a copy, so events that may still change (today's) are never folded in twice.
	 * @return the copy, without this state's evaluation scratch space
	 */
	public CustomerState copy() {
		return new CustomerState(this);
	}

	/**
	 * Empties the state for the next customer, keeping its buffers.
	 * @param customerId the customer's id
	 * @param attributes the customer's archive attributes, or null when unknown
	 */
	public void reset(String customerId, CustomerAttributes attributes) {
		this.customerId = customerId;
		this.attributes = attributes;
		this.joinDay = (attributes != null) ? day(attributes.joinDate()) : NONE;
		this.contractEndDay = (attributes != null) ? day(attributes.contractEndDate()) : NONE;
		Arrays.fill(this.head, 0);
		Arrays.fill(this.size, 0);
		Arrays.fill(this.firstDay, NONE);
		Arrays.fill(this.lastDay, NONE);
		Arrays.fill(this.totalCount, 0);
		Arrays.fill(this.totalAmount, 0);
		Arrays.fill(this.totalQuantity, 0);
		this.firstEventDay = NONE;
		this.lastEventDay = NONE;
	}

	/**
	 * Replaces the customer's attributes, keeping the events seen so far (attributes are
	 * read at evaluation).
	 * @param attributes the new attributes, or null
	 */
	public void attributes(CustomerAttributes attributes) {
		this.attributes = attributes;
		this.joinDay = (attributes != null) ? day(attributes.joinDate()) : NONE;
		this.contractEndDay = (attributes != null) ? day(attributes.contractEndDate()) : NONE;
	}

	/** The customer this state belongs to; null before the first reset with an id. */
	public String customerId() {
		return this.customerId;
	}

	/**
	 * The epoch day of the latest event added, or {@link Integer#MIN_VALUE} when none.
	 */
	public int lastEventDay() {
		return this.lastEventDay;
	}

	/**
	 * Adds an event of this customer.
	 * @param event the event
	 */
	public void add(Event event) {
		add((int) event.time().toLocalDate().toEpochDay(), this.plan.kind(event.type(), event.subtype()),
				event.amount(), event.quantity());
	}

	/**
	 * Adds an event in primitive form: the hot path of batch runs.
	 * @param day the event's epoch day
	 * @param kind the event's kind code from {@link FeaturePlan#kind}
	 * @param amount the amount, NaN when absent
	 * @param quantity the quantity, NaN when absent
	 * @throws IllegalArgumentException when the day lies before the previous event's
	 */
	public void add(int day, int kind, double amount, double quantity) {
		if (day < this.lastEventDay) {
			throw new IllegalArgumentException("events of customer " + this.customerId + " out of time order: "
					+ LocalDate.ofEpochDay(day) + " after " + LocalDate.ofEpochDay(this.lastEventDay));
		}
		if (this.firstEventDay == NONE) {
			this.firstEventDay = day;
		}
		this.lastEventDay = day;
		boolean hasAmount = !Double.isNaN(amount);
		boolean hasQuantity = !Double.isNaN(quantity);
		for (int s : this.plan.streamsOfKind(kind)) {
			if (this.firstDay[s] == NONE) {
				this.firstDay[s] = day;
			}
			this.lastDay[s] = day;
			this.totalCount[s]++;
			if (hasAmount) {
				this.totalAmount[s] += amount;
			}
			if (hasQuantity) {
				this.totalQuantity[s] += quantity;
			}
			if (this.plan.maxWindow(s) > 0) {
				addToBucket(s, day, hasAmount, amount, hasQuantity, quantity);
			}
		}
	}

	private void addToBucket(int s, int day, boolean hasAmount, double amount, boolean hasQuantity, double quantity) {
		if (this.bucketDay[s] == null) {
			// Allocated on a stream's first event: incremental stores hold many
			// customers.
			allocate(s, INITIAL_CAPACITY);
		}
		int[] days = this.bucketDay[s];
		int mask = days.length - 1;
		int count = this.size[s];
		int head = this.head[s];
		int index;
		if (count > 0 && days[(head + count - 1) & mask] == day) {
			index = (head + count - 1) & mask;
		}
		else {
			// Buckets older than the longest window can never be read again: every later
			// observation date lies after this event's day.
			int oldest = day + 1 - this.plan.maxWindow(s);
			while (count > 0 && days[head] < oldest) {
				head = (head + 1) & mask;
				count--;
			}
			this.head[s] = head;
			if (count == days.length) {
				grow(s);
				days = this.bucketDay[s];
				mask = days.length - 1;
				head = 0;
			}
			index = (head + count) & mask;
			days[index] = day;
			double[] stats = this.bucketStats[s];
			int base = index * STRIDE;
			stats[base + COUNT] = 0;
			stats[base + AMOUNT_COUNT] = 0;
			stats[base + AMOUNT_SUM] = 0;
			stats[base + AMOUNT_MAX] = Double.NEGATIVE_INFINITY;
			stats[base + QUANTITY_COUNT] = 0;
			stats[base + QUANTITY_SUM] = 0;
			stats[base + QUANTITY_MAX] = Double.NEGATIVE_INFINITY;
			count++;
		}
		this.size[s] = count;
		double[] stats = this.bucketStats[s];
		int base = index * STRIDE;
		stats[base + COUNT]++;
		if (hasAmount) {
			stats[base + AMOUNT_COUNT]++;
			stats[base + AMOUNT_SUM] += amount;
			if (amount > stats[base + AMOUNT_MAX]) {
				stats[base + AMOUNT_MAX] = amount;
			}
		}
		if (hasQuantity) {
			stats[base + QUANTITY_COUNT]++;
			stats[base + QUANTITY_SUM] += quantity;
			if (quantity > stats[base + QUANTITY_MAX]) {
				stats[base + QUANTITY_MAX] = quantity;
			}
		}
	}

	/**
	 * Computes every feature as of the start of a day, from the events added so far.
	 * @param asOfDay the observation date as an epoch day; every event added so far must
	 * lie before it
	 * @param numeric receives the numeric features in {@link FeatureSet#numericNames()}
	 * order
	 * @param categorical receives the categorical features in
	 * {@link FeatureSet#categoricalNames()} order (null when absent)
	 * @throws IllegalStateException when an event on or after the observation date has
	 * been added, which would leak the future into the features
	 */
	public void evaluate(int asOfDay, double[] numeric, String[] categorical) {
		if (this.lastEventDay != NONE && this.lastEventDay >= asOfDay) {
			throw new IllegalStateException(
					"customer " + this.customerId + " has an event on " + LocalDate.ofEpochDay(this.lastEventDay)
							+ ", not before the observation date " + LocalDate.ofEpochDay(asOfDay));
		}
		this.asOf = asOfDay;
		if (this.windowCount == null) {
			allocateWindows();
		}
		for (int s = 0; s < this.plan.streamCount(); s++) {
			if (this.plan.maxWindow(s) > 0) {
				computeWindows(s, asOfDay);
			}
		}
		NumericFeature[] features = this.plan.numeric();
		for (int f = 0; f < features.length; f++) {
			double value = features[f].compute(this, numeric);
			numeric[f] = Double.isNaN(value) ? features[f].missing : value;
		}
		CategoricalFeature[] categories = this.plan.categorical();
		for (int f = 0; f < categories.length; f++) {
			categorical[f] = categories[f].compute(this);
		}
	}

	/**
	 * Computes every feature as of the start of a date.
	 * @param asOf the observation date
	 * @return the values
	 */
	public FeatureVector evaluate(LocalDate asOf) {
		FeatureSet set = this.plan.featureSet();
		double[] numeric = new double[set.numericNames().size()];
		String[] categorical = new String[set.categoricalNames().size()];
		evaluate((int) asOf.toEpochDay(), numeric, categorical);
		return new FeatureVector(set, numeric, categorical);
	}

	// One pass from the newest bucket back, closing each window as buckets fall out of
	// it.
	private void computeWindows(int s, int asOfDay) {
		int[] windows = this.plan.windows(s);
		int base = this.plan.windowBase(s);
		int[] days = this.bucketDay[s];
		double[] stats = this.bucketStats[s];
		int filled = (days != null) ? this.size[s] : 0;
		int mask = (days != null) ? days.length - 1 : 0;
		double count = 0;
		double activeDays = 0;
		double amountCount = 0;
		double amountSum = 0;
		double amountMax = Double.NEGATIVE_INFINITY;
		double quantityCount = 0;
		double quantitySum = 0;
		double quantityMax = Double.NEGATIVE_INFINITY;
		int k = 0;
		for (int i = filled - 1; i >= 0 && k < windows.length; i--) {
			int index = (this.head[s] + i) & mask;
			int age = asOfDay - days[index];
			while (k < windows.length && age > windows[k]) {
				storeWindow(base + k, count, activeDays, amountCount, amountSum, amountMax, quantityCount, quantitySum,
						quantityMax);
				k++;
			}
			if (k == windows.length) {
				break;
			}
			int at = index * STRIDE;
			count += stats[at + COUNT];
			activeDays++;
			amountCount += stats[at + AMOUNT_COUNT];
			amountSum += stats[at + AMOUNT_SUM];
			amountMax = Math.max(amountMax, stats[at + AMOUNT_MAX]);
			quantityCount += stats[at + QUANTITY_COUNT];
			quantitySum += stats[at + QUANTITY_SUM];
			quantityMax = Math.max(quantityMax, stats[at + QUANTITY_MAX]);
		}
		for (; k < windows.length; k++) {
			storeWindow(base + k, count, activeDays, amountCount, amountSum, amountMax, quantityCount, quantitySum,
					quantityMax);
		}
	}

	private void allocateWindows() {
		int slots = this.plan.windowSlots();
		this.windowCount = new double[slots];
		this.windowDays = new double[slots];
		this.windowAmountCount = new double[slots];
		this.windowAmountSum = new double[slots];
		this.windowAmountMax = new double[slots];
		this.windowQuantityCount = new double[slots];
		this.windowQuantitySum = new double[slots];
		this.windowQuantityMax = new double[slots];
	}

	/**
	 * Drops the evaluation scratch space until the next evaluation: an incremental store
	 * keeps many states and evaluates each one rarely.
	 */
	void releaseScratch() {
		this.windowCount = null;
		this.windowDays = null;
		this.windowAmountCount = null;
		this.windowAmountSum = null;
		this.windowAmountMax = null;
		this.windowQuantityCount = null;
		this.windowQuantitySum = null;
		this.windowQuantityMax = null;
	}

	private void storeWindow(int slot, double count, double activeDays, double amountCount, double amountSum,
			double amountMax, double quantityCount, double quantitySum, double quantityMax) {
		this.windowCount[slot] = count;
		this.windowDays[slot] = activeDays;
		this.windowAmountCount[slot] = amountCount;
		this.windowAmountSum[slot] = amountSum;
		this.windowAmountMax[slot] = (amountCount > 0) ? amountMax : Double.NaN;
		this.windowQuantityCount[slot] = quantityCount;
		this.windowQuantitySum[slot] = quantitySum;
		this.windowQuantityMax[slot] = (quantityCount > 0) ? quantityMax : Double.NaN;
	}

	void allocate(int s, int capacity) {
		this.bucketDay[s] = new int[capacity];
		this.bucketStats[s] = new double[capacity * STRIDE];
	}

	private void grow(int s) {
		int oldCapacity = this.bucketDay[s].length;
		int first = this.head[s];
		int[] days = this.bucketDay[s];
		double[] stats = this.bucketStats[s];
		allocate(s, oldCapacity * 2);
		for (int i = 0; i < oldCapacity; i++) {
			int from = (first + i) & (oldCapacity - 1);
			this.bucketDay[s][i] = days[from];
			System.arraycopy(stats, from * STRIDE, this.bucketStats[s], i * STRIDE, STRIDE);
		}
		this.head[s] = 0;
	}

	private static int day(LocalDate date) {
		return (date != null) ? (int) date.toEpochDay() : NONE;
	}

}
