package io.churnguard.ml.feature;

import java.util.Arrays;
import java.util.Objects;

import io.churnguard.ml.event.Event;

/**
 * A columnar block of the events of consecutive customers, grouped by customer and in
 * time order within each: the unit of work of batch runs. Events are primitive columns
 * (epoch day, kind code, amount, quantity), so a run over a hundred million events
 * creates no object per event.
 */
public final class EventBlock {

	private final String[] customerIds;

	private final int[] offsets;

	private final int[] days;

	private final short[] kinds;

	private final double[] amounts;

	private final double[] quantities;

	// A customer's stored settled state to start from (CustomerStateCodec), or null:
	// events then start from nothing. Null when no customer of the block has one.
	private final byte[][] seeds;

	private EventBlock(String[] customerIds, int[] offsets, int[] days, short[] kinds, double[] amounts,
			double[] quantities, byte[][] seeds) {
		this.seeds = seeds;
		this.customerIds = customerIds;
		this.offsets = offsets;
		this.days = days;
		this.kinds = kinds;
		this.amounts = amounts;
		this.quantities = quantities;
	}

	/**
	 * A block over existing columns, without copying.
	 * @param customerIds the customers, in block order
	 * @param offsets where each customer's events start; {@code customerIds.length + 1}
	 * entries, the last being the event count
	 * @param days event epoch days
	 * @param kinds event kind codes of the plan that will evaluate the block
	 * @param amounts amounts, NaN when absent
	 * @param quantities quantities, NaN when absent
	 * @return the block
	 */
	public static EventBlock of(String[] customerIds, int[] offsets, int[] days, short[] kinds, double[] amounts,
			double[] quantities) {
		if (offsets.length != customerIds.length + 1) {
			throw new IllegalArgumentException("offsets need one entry per customer plus one");
		}
		int size = offsets[customerIds.length];
		if (days.length < size || kinds.length < size || amounts.length < size || quantities.length < size) {
			throw new IllegalArgumentException("event columns are shorter than the offsets say");
		}
		return new EventBlock(customerIds, offsets, days, kinds, amounts, quantities, null);
	}

	/**
	 * A builder appending events customer by customer.
	 * @param plan the plan whose kind codes the block carries
	 * @return the builder
	 */
	public static Builder builder(FeaturePlan plan) {
		return new Builder(plan);
	}

	/** The number of customers. */
	public int customerCount() {
		return this.customerIds.length;
	}

	/** The number of events. */
	public int size() {
		return this.offsets[this.customerIds.length];
	}

	/**
	 * A customer's id.
	 * @param customer the customer's position in the block
	 * @return the id
	 */
	public String customerId(int customer) {
		return this.customerIds[customer];
	}

	/**
	 * The stored state a customer's events continue from.
	 * @param customer the customer's position
	 * @return the encoded state ({@link CustomerStateCodec}), or null when the events are
	 * the customer's whole history
	 */
	public byte[] seed(int customer) {
		return (this.seeds != null) ? this.seeds[customer] : null;
	}

	/**
	 * Where a customer's events start.
	 * @param customer the customer's position
	 * @return the first event's index
	 */
	public int start(int customer) {
		return this.offsets[customer];
	}

	/**
	 * Where a customer's events end.
	 * @param customer the customer's position
	 * @return the index after the last event
	 */
	public int end(int customer) {
		return this.offsets[customer + 1];
	}

	/**
	 * An event's epoch day.
	 * @param event the event's index
	 * @return the day
	 */
	public int day(int event) {
		return this.days[event];
	}

	/**
	 * An event's kind code.
	 * @param event the event's index
	 * @return the kind
	 */
	public int kind(int event) {
		return this.kinds[event];
	}

	/**
	 * An event's amount.
	 * @param event the event's index
	 * @return the amount, NaN when absent
	 */
	public double amount(int event) {
		return this.amounts[event];
	}

	/**
	 * An event's quantity.
	 * @param event the event's index
	 * @return the quantity, NaN when absent
	 */
	public double quantity(int event) {
		return this.quantities[event];
	}

	/** Appends events customer by customer into a block. */
	public static final class Builder {

		private final FeaturePlan plan;

		private String[] customerIds = new String[16];

		private int[] offsets = new int[17];

		private int customers;

		private int[] days = new int[256];

		private short[] kinds = new short[256];

		private double[] amounts = new double[256];

		private double[] quantities = new double[256];

		private byte[][] seeds;

		private int size;

		private Builder(FeaturePlan plan) {
			this.plan = Objects.requireNonNull(plan, "plan");
		}

		/**
		 * Appends an event; a customer id different from the previous event's starts a
		 * new customer.
		 * @param event the event
		 * @return this builder
		 */
		public Builder add(Event event) {
			return add(event.customerId(), (int) event.time().toLocalDate().toEpochDay(),
					this.plan.kind(event.type(), event.subtype()), event.amount(), event.quantity());
		}

		/**
		 * Appends an event in primitive form.
		 * @param customerId the customer
		 * @param day the epoch day
		 * @param kind the kind code
		 * @param amount the amount, NaN when absent
		 * @param quantity the quantity, NaN when absent
		 * @return this builder
		 */
		public Builder add(String customerId, int day, int kind, double amount, double quantity) {
			if (this.customers == 0 || !this.customerIds[this.customers - 1].equals(customerId)) {
				startCustomer(customerId);
			}
			else if (this.size > this.offsets[this.customers - 1] && day < this.days[this.size - 1]) {
				throw new IllegalArgumentException("events of customer " + customerId + " are not in time order");
			}
			if (this.size == this.days.length) {
				int capacity = this.size * 2;
				this.days = Arrays.copyOf(this.days, capacity);
				this.kinds = Arrays.copyOf(this.kinds, capacity);
				this.amounts = Arrays.copyOf(this.amounts, capacity);
				this.quantities = Arrays.copyOf(this.quantities, capacity);
			}
			this.days[this.size] = day;
			this.kinds[this.size] = (short) kind;
			this.amounts[this.size] = amount;
			this.quantities[this.size] = quantity;
			this.size++;
			this.offsets[this.customers] = this.size;
			return this;
		}

		/**
		 * Adds a customer without events (attributes alone still make features).
		 * @param customerId the customer
		 * @return this builder
		 */
		public Builder startCustomer(String customerId) {
			if (this.customers == this.customerIds.length) {
				this.customerIds = Arrays.copyOf(this.customerIds, this.customers * 2);
				this.offsets = Arrays.copyOf(this.offsets, this.customers * 2 + 1);
			}
			this.customerIds[this.customers] = Objects.requireNonNull(customerId, "customerId");
			this.customers++;
			this.offsets[this.customers] = this.size;
			return this;
		}

		/**
		 * Adds a customer whose events continue a stored state: the events added next for
		 * this customer must lie on or after the day the state was settled at.
		 * @param customerId the customer
		 * @param state the encoded state ({@link CustomerStateCodec})
		 * @return this builder
		 */
		public Builder startCustomer(String customerId, byte[] state) {
			startCustomer(customerId);
			if (this.seeds == null) {
				this.seeds = new byte[this.customerIds.length][];
			}
			else if (this.seeds.length < this.customerIds.length) {
				this.seeds = Arrays.copyOf(this.seeds, this.customerIds.length);
			}
			this.seeds[this.customers - 1] = Objects.requireNonNull(state, "state");
			return this;
		}

		/** The number of customers so far. */
		public int customerCount() {
			return this.customers;
		}

		/** The number of events so far. */
		public int size() {
			return this.size;
		}

		/** The id of the customer being appended, or null when none. */
		public String currentCustomer() {
			return (this.customers > 0) ? this.customerIds[this.customers - 1] : null;
		}

		/** The block built so far. */
		public EventBlock build() {
			return new EventBlock(Arrays.copyOf(this.customerIds, this.customers),
					Arrays.copyOf(this.offsets, this.customers + 1), this.days, this.kinds, this.amounts,
					this.quantities, (this.seeds != null) ? Arrays.copyOf(this.seeds, this.customers) : null);
		}

	}

}
