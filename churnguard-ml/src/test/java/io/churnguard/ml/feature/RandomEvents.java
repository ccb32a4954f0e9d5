package io.churnguard.ml.feature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.Event;
import io.churnguard.ml.event.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random event streams for property tests: a few customers, every event type, gaps. */
final class RandomEvents {

	static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

	static final int SPAN_DAYS = 420;

	private static final String[][] SUBTYPES = { { "voice", "data", "sms", "session", "" }, { "monthly" },
			{ "on_time", "late", "overdue" }, { "purchase", "device" }, { "network", "billing", "service", "other" },
			{ "hotline", "store", "online_chat" }, { "login", "browse", "click" },
			{ "upgrade", "downgrade", "renewal" }, { "port_out" }, { "x", "" } };

	private RandomEvents() {
	}

	/** Unsorted events of up to four customers over {@link #SPAN_DAYS} days. */
	static Arbitrary<List<Event>> events() {
		Arbitrary<Event> event = Combinators
			.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, SPAN_DAYS - 1),
					Arbitraries.integers().between(0, 86_399),
					Arbitraries.integers().between(0, EventType.values().length - 1),
					Arbitraries.integers().between(0, 4), values(), values())
			.as((customer, day, second, type, subtype, amount, quantity) -> {
				String[] subtypes = SUBTYPES[type];
				return new Event("e", "C" + customer, EPOCH.plusDays(day).atStartOfDay().plusSeconds(second),
						EventType.values()[type], subtypes[subtype % subtypes.length], amount, quantity, Map.of());
			});
		return event.list().ofMaxSize(250);
	}

	/** Strictly ascending observation epoch days within and a little beyond the span. */
	static Arbitrary<int[]> observationDays() {
		return Arbitraries.integers()
			.between(0, SPAN_DAYS + 30)
			.set()
			.ofMinSize(1)
			.ofMaxSize(8)
			.map((offsets) -> offsets.stream()
				.sorted()
				.mapToInt((offset) -> (int) EPOCH.toEpochDay() + offset)
				.toArray());
	}

	/** Join dates per customer: unknown, before the data, or within it. */
	static Arbitrary<List<Integer>> joinOffsets() {
		return Arbitraries.integers().between(-200, SPAN_DAYS).injectNull(0.25).list().ofSize(4);
	}

	static List<Event> sorted(List<Event> events) {
		List<Event> copy = new ArrayList<>(events);
		copy.sort(Comparator.comparing(Event::customerId).thenComparing(Event::time));
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Arbitrary<Double> values() {
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Double.NaN)),
				Tuple.of(3, Arbitraries.doubles().between(0, 500).ofScale(2)));
	}

}
