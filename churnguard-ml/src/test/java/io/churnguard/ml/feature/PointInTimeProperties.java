package io.churnguard.ml.feature;

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

		Map<String, List<Event>> byCustomer = new HashMap<>();
		sorted.forEach((event) -> byCustomer.computeIfAbsent(event.customerId(), (id) -> new ArrayList<>()).add(event));
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
		Map<String, List<Event>> byCustomer = new HashMap<>();
		RandomEvents.sorted(events)
			.forEach((event) -> byCustomer.computeIfAbsent(event.customerId(), (id) -> new ArrayList<>()).add(event));
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
