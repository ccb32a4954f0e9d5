package io.churnguard.bench.features;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.ml.event.Event;
import io.churnguard.ml.feature.EventBlock;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureVector;
import io.churnguard.ml.feature.IncrementalFeatures;

/**
 * The incremental runner on a slice of the benchmark data: events added one at a time as
 * {@link Event} objects (as a real-time feed delivers them), then every customer scored,
 * the heap its per-customer states retain, and whether every value equals the batch
 * runner's.
 */
final class IncrementalMeasurement {

	private IncrementalMeasurement() {
	}

	static Map<String, Object> measure(FeaturePlan plan, BenchDataset data, long targetEvents, FeatureMatrix batch) {
		List<Event> events = new ArrayList<>();
		List<String> customers = new ArrayList<>();
		for (EventBlock block : data.blocks()) {
			if (events.size() >= targetEvents) {
				break;
			}
			for (int c = 0; c < block.customerCount(); c++) {
				String customerId = block.customerId(c);
				customers.add(customerId);
				for (int e = block.start(c); e < block.end(c); e++) {
					events.add(new Event("e", customerId, LocalDate.ofEpochDay(block.day(e)).atTime(12, 0),
							plan.typeOf(block.kind(e)), subtypeOf(plan, block.kind(e)), block.amount(e),
							block.quantity(e), Map.of()));
				}
			}
		}
		Runtime.getRuntime().gc();
		long heapBefore = usedHeap();
		IncrementalFeatures store = new IncrementalFeatures(plan);
		long t0 = System.nanoTime();
		for (String customerId : customers) {
			store.attributes(data.attributes(customerId));
		}
		for (Event event : events) {
			store.add(event);
		}
		long added = System.nanoTime() - t0;
		LocalDate asOf = LocalDate.ofEpochDay(data.asOfDay());
		long t1 = System.nanoTime();
		List<FeatureVector> vectors = new ArrayList<>(customers.size());
		for (String customerId : customers) {
			vectors.add(store.asOf(customerId, asOf));
		}
		long scored = System.nanoTime() - t1;
		long different = 0;
		for (int i = 0; i < customers.size(); i++) {
			int row = BenchDataset.customerIndex(customers.get(i));
			double[] values = vectors.get(i).numeric();
			for (int c = 0; c < values.length; c++) {
				if (Double.compare(values[c], batch.numeric[c][row]) != 0) {
					different++;
				}
			}
		}
		Runtime.getRuntime().gc();
		long retained = usedHeap() - heapBefore;
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("events", events.size());
		report.put("customers", customers.size());
		report.put("eventsPerSecond", Math.round(events.size() / (added / 1e9)));
		report.put("scoresPerSecond", Math.round(customers.size() / (scored / 1e9)));
		report.put("retainedBytesPerCustomer", Math.round((double) retained / customers.size()));
		// Keep the store reachable until its size has been measured.
		report.put("storedCustomers", store.customerCount());
		report.put("valuesDifferentFromBatch", different);
		return report;
	}

	private static String subtypeOf(FeaturePlan plan, int kind) {
		return BenchDataGenerator.subtypeOfKind(plan, kind);
	}

	private static long usedHeap() {
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

}
