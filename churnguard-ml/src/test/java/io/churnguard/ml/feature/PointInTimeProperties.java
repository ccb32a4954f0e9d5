package io.churnguard.ml.feature;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.Event;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's two promises over random event streams: the incremental runner computes
 * exactly the batch values, and no event on or after an observation date changes a
 * feature at that date.
 */
class PointInTimeProperties {

	private static final FeaturePlan PLAN = FeaturePlan.compile(FeatureSet.defaults());

	@Provide
	Arbitrary<List<Event>> streams() {
		return RandomEvents.events();
	}

	@Provide
	Arbitrary<int[]> observations() {
		return RandomEvents.observationDays();
	}

	@Provide
	Arbitrary<List<Integer>> joins() {
		return RandomEvents.joinOffsets();
	}

	@Property(tries = 300)
	void incrementalValuesEqualBatchValuesExactly(@ForAll("streams") List<Event> events,
			@ForAll("observations") int[] days, @ForAll("joins") List<Integer> joins) {
		List<Event> sorted = RandomEvents.sorted(events);
		Function<String, CustomerAttributes> attributes = attributes(joins);
		FeatureTable batch = new BatchFeatureRunner(PLAN, 2).table(List.of(blockOf(sorted)).iterator(), attributes,
				(id, a, e) -> new ObservationPolicy.Observations(days, new int[days.length]));

		Map<String, List<Event>> byCustomer = byCustomer(sorted);
		int row = 0;
		for (String customer : byCustomer.keySet().stream().sorted().toList()) {
			IncrementalFeatures incremental = new IncrementalFeatures(PLAN);
			CustomerAttributes customerAttributes = attributes.apply(customer);
			if (customerAttributes != null) {
				incremental.attributes(customerAttributes);
			}
			List<Event> stream = byCustomer.get(customer);
			int next = 0;
			for (int day : days) {
				while (next < stream.size() && stream.get(next).time().toLocalDate().toEpochDay() < day) {
					incremental.add(stream.get(next++));
				}
				FeatureVector live = incremental.asOf(customer, LocalDate.ofEpochDay(day));
				assertThat(batch.customerId(row)).isEqualTo(customer);
				assertThat(batch.numericRow(row)).as("%s as of %s", customer, LocalDate.ofEpochDay(day))
					.isEqualTo(live.numeric());
				assertThat(batch.categoricalRow(row)).isEqualTo(live.categorical());
				row++;
			}
		}
		assertThat(row).isEqualTo(batch.rowCount());
	}

	@Property(tries = 300)
	void noFutureEventChangesAPastFeature(@ForAll("streams") List<Event> past, @ForAll("streams") List<Event> future,
			@ForAll("observations") int[] days, @ForAll("joins") List<Integer> joins) {
		int asOf = days[0];
		List<Event> before = past.stream().filter((event) -> event.time().toLocalDate().toEpochDay() < asOf).toList();
		List<Event> withFuture = new ArrayList<>(before);
		// Every future event, moved to or after the observation date.
		for (Event event : future) {
			long shift = Math.max(0, asOf - event.time().toLocalDate().toEpochDay());
			withFuture.add(new Event(event.eventId(), event.customerId(), event.time().plusDays(shift), event.type(),
					event.subtype(), event.amount(), event.quantity(), event.attributes()));
		}
		Function<String, CustomerAttributes> attributes = attributes(joins);
		ObservationPolicy policy = ObservationPolicy.asOf(LocalDate.ofEpochDay(asOf));
		FeatureTable known = new BatchFeatureRunner(PLAN, 1)
			.table(List.of(blockOf(RandomEvents.sorted(before))).iterator(), attributes, policy);
		FeatureTable later = new BatchFeatureRunner(PLAN, 1)
			.table(List.of(blockOf(RandomEvents.sorted(withFuture))).iterator(), attributes, policy);
		for (int row = 0; row < known.rowCount(); row++) {
			int same = indexOf(later, known.customerId(row));
			assertThat(later.numericRow(same)).as(known.customerId(row)).isEqualTo(known.numericRow(row));
			assertThat(later.categoricalRow(same)).isEqualTo(known.categoricalRow(row));
		}
	}

	@Property(tries = 300)
	void aCopyContinuesExactlyAsTheOriginalWouldAndLeavesItAsItWas(@ForAll("streams") List<Event> events,
			@ForAll("joins") List<Integer> joins) {
		Function<String, CustomerAttributes> attributes = attributes(joins);
		Map<String, List<Event>> byCustomer = byCustomer(RandomEvents.sorted(events));
		for (Map.Entry<String, List<Event>> customer : byCustomer.entrySet()) {
			List<Event> stream = customer.getValue();
			LocalDate after = stream.get(stream.size() - 1).time().toLocalDate().plusDays(1);
			int split = stream.size() / 2;
			CustomerState settled = PLAN.newState();
			settled.reset(customer.getKey(), attributes.apply(customer.getKey()));
			CustomerState whole = PLAN.newState();
			whole.reset(customer.getKey(), attributes.apply(customer.getKey()));
			stream.forEach(whole::add);
			stream.subList(0, split).forEach(settled::add);
			FeatureVector settledBefore = settled.evaluate(after);

			CustomerState continued = settled.copy();
			stream.subList(split, stream.size()).forEach(continued::add);

			assertThat(continued.evaluate(after).numeric()).isEqualTo(whole.evaluate(after).numeric());
			assertThat(continued.evaluate(after).categorical()).isEqualTo(whole.evaluate(after).categorical());
			assertThat(settled.evaluate(after).numeric()).as("the original is untouched")
				.isEqualTo(settledBefore.numeric());
		}
	}

	@Property(tries = 300)
	void storedSettledStatesContinueExactlyAsTheWholeHistory(@ForAll("streams") List<Event> events,
			@ForAll("observations") int[] days, @ForAll("joins") List<Integer> joins) throws IOException {
		// Two runs as the daily job makes them: the first over whole histories settles
		// states at S1; the second starts each customer from its stored state and reads
		// only the events on or after S1, and settles at S2.
		int settle1 = days[0];
		int asOf1 = days[days.length / 2];
		int settle2 = asOf1;
		int asOf2 = days[days.length - 1];
		Function<String, CustomerAttributes> attributes = attributes(joins);
		List<Event> sorted = RandomEvents.sorted(events);
		BatchFeatureRunner runner = new BatchFeatureRunner(PLAN, 2);
		Map<String, byte[]> stored = new HashMap<>();
		runner.asOf(List.of(blockOf(before(sorted, Integer.MIN_VALUE, asOf1)))::forEach, attributes,
				LocalDate.ofEpochDay(asOf1), LocalDate.ofEpochDay(settle1), stored::put);

		EventBlock.Builder resumed = EventBlock.builder(PLAN);
		Map<String, List<Event>> recent = byCustomer(before(sorted, settle1, asOf2));
		java.util.Set<String> customers = new java.util.TreeSet<>(stored.keySet());
		customers.addAll(recent.keySet());
		for (String customer : customers) {
			if (stored.containsKey(customer)) {
				resumed.startCustomer(customer, stored.get(customer));
			}
			else {
				resumed.startCustomer(customer);
			}
			recent.getOrDefault(customer, List.of()).forEach(resumed::add);
		}
		Map<String, byte[]> changed = new HashMap<>();
		FeatureTable continued = runner.asOf(List.of(resumed.build())::forEach, attributes, LocalDate.ofEpochDay(asOf2),
				LocalDate.ofEpochDay(settle2), changed::put);

		Map<String, byte[]> wholeStates = new HashMap<>();
		FeatureTable whole = runner.asOf(List.of(blockOf(before(sorted, Integer.MIN_VALUE, asOf2)))::forEach,
				attributes, LocalDate.ofEpochDay(asOf2), LocalDate.ofEpochDay(settle2), wholeStates::put);
		assertThat(continued.rowCount()).isEqualTo(whole.rowCount());
		for (int row = 0; row < whole.rowCount(); row++) {
			assertThat(continued.customerId(row)).isEqualTo(whole.customerId(row));
			assertThat(continued.numericRow(row)).as(whole.customerId(row)).isEqualTo(whole.numericRow(row));
			assertThat(continued.categoricalRow(row)).isEqualTo(whole.categoricalRow(row));
		}
		// What the store holds after the second run: its changes over the first run's.
		Map<String, byte[]> after = new HashMap<>(stored);
		after.putAll(changed);
		assertThat(after.keySet()).isEqualTo(wholeStates.keySet());
		for (String customer : after.keySet()) {
			CustomerState fromStore = PLAN.newState();
			fromStore.reset(customer, attributes.apply(customer));
			CustomerStateCodec.decodeInto(after.get(customer), fromStore);
			CustomerState fromWhole = PLAN.newState();
			fromWhole.reset(customer, attributes.apply(customer));
			CustomerStateCodec.decodeInto(wholeStates.get(customer), fromWhole);
			LocalDate later = LocalDate.ofEpochDay(Math.max(asOf2, fromWhole.lastEventDay() + 1));
			assertThat(fromStore.evaluate(later).numeric()).as(customer).isEqualTo(fromWhole.evaluate(later).numeric());
		}
	}

	@Property(tries = 300)
	void aDecodedStateEvaluatesAsTheOriginal(@ForAll("streams") List<Event> events, @ForAll("observations") int[] days,
			@ForAll("joins") List<Integer> joins) {
		Function<String, CustomerAttributes> attributes = attributes(joins);
		Map<String, List<Event>> byCustomer = byCustomer(RandomEvents.sorted(events));
		for (Map.Entry<String, List<Event>> customer : byCustomer.entrySet()) {
			CustomerState original = PLAN.newState();
			original.reset(customer.getKey(), attributes.apply(customer.getKey()));
			customer.getValue().forEach(original::add);
			int first = Math.max(days[0], original.lastEventDay() + 1);
			CustomerState decoded = PLAN.newState();
			decoded.reset(customer.getKey(), attributes.apply(customer.getKey()));
			CustomerStateCodec.decodeInto(CustomerStateCodec.encode(original, first), decoded);
			for (int day : days) {
				int asOf = Math.max(day, first);
				assertThat(decoded.evaluate(LocalDate.ofEpochDay(asOf)).numeric())
					.as("%s as of %s", customer.getKey(), LocalDate.ofEpochDay(asOf))
					.isEqualTo(original.evaluate(LocalDate.ofEpochDay(asOf)).numeric());
			}
		}
	}

	private static Map<String, List<Event>> byCustomer(List<Event> sorted) {
		Map<String, List<Event>> byCustomer = new HashMap<>();
		sorted.forEach((event) -> byCustomer.computeIfAbsent(event.customerId(), (id) -> new ArrayList<>()).add(event));
		return byCustomer;
	}

	private static List<Event> before(List<Event> sorted, int from, int before) {
		return sorted.stream().filter((event) -> {
			long day = event.time().toLocalDate().toEpochDay();
			return day >= from && day < before;
		}).toList();
	}

	private static int indexOf(FeatureTable table, String customerId) {
		for (int row = 0; row < table.rowCount(); row++) {
			if (table.customerId(row).equals(customerId)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + customerId);
	}

	private static EventBlock blockOf(List<Event> sorted) {
		EventBlock.Builder builder = EventBlock.builder(PLAN);
		sorted.forEach(builder::add);
		return builder.build();
	}

	private static Function<String, CustomerAttributes> attributes(List<Integer> joins) {
		return (id) -> {
			Integer join = joins.get(Integer.parseInt(id.substring(1)));
			if (join == null) {
				return null;
			}
			LocalDate joinDate = RandomEvents.EPOCH.plusDays(join);
			return new CustomerAttributes(id, joinDate, joinDate.plusDays(365), "plan" + (join % 3), 50 + join % 7,
					join % 2 == 0, false, null, null,
					Map.of("grade", "ABCDE".substring(Math.floorMod(join, 5), Math.floorMod(join, 5) + 1)));
		};
	}

}
