package io.churnguard.ml.uplift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.event.CustomerCsvReader;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.EventSource;
import io.churnguard.ml.feature.FeatureFrames;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;
import io.churnguard.ml.feature.FeatureTable;
import io.churnguard.ml.sim.Preset;
import io.churnguard.ml.sim.RetentionAction;
import io.churnguard.ml.sim.SimulationConfig;
import io.churnguard.ml.sim.Simulator;
import io.churnguard.ml.sim.Treatment;
import io.churnguard.ml.sim.UpliftSegment;

/**
 * A simulated company as a campaign meets it: its customers as of the end of the
 * simulation, their features from the library's feature engine, the ground truth of
 * truth.csv, and the outcome of continuing the simulation with a campaign's treatments.
 */
final class SimulatedCompany {

	/** The ground truth of one active customer at the end of the simulation. */
	record Truth(double churnProbability90, UpliftSegment segment, Map<RetentionAction, Double> effect) {

		/** The true drop of the 90-day churn probability the action brings. */
		double reduction(RetentionAction action) {
			return -this.effect.get(action);
		}

	}

	final Path dir;

	/** The first day after the simulated months: the campaign's treatment date. */
	final LocalDate end;

	private final Map<String, CustomerAttributes> customers = new HashMap<>();

	private final Map<String, Truth> truth = new HashMap<>();

	private SimulatedCompany(Path dir, LocalDate end) {
		this.dir = dir;
		this.end = end;
		try {
			for (CustomerAttributes customer : CustomerCsvReader.readAll(dir.resolve("customers.csv")).rows()) {
				this.customers.put(customer.customerId(), customer);
			}
			readTruth(dir.resolve("truth.csv"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SimulatedCompany simulate(int customers, int months, long seed, Path dir) {
		SimulationConfig config = SimulationConfig.of(Preset.TELECOM, customers, months, seed);
		try {
			if (!Files.exists(dir.resolve("truth.csv"))) {
				Simulator.run(config, dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SimulatedCompany(dir, SimulationConfig.DEFAULT_START.plusMonths(months));
	}

	/** The customers still active at the end, by id. */
	List<String> active() {
		return this.truth.keySet().stream().sorted().toList();
	}

	Truth truth(String customerId) {
		return this.truth.get(customerId);
	}

	/**
	 * The default features of the given customers as of the end, from their events and
	 * archive records, in the order of the ids; without the id column.
	 */
	Frame features(List<String> ids) {
		try {
			FeatureTable table = new BatchFeatureRunner(FeaturePlan.compile(FeatureSet.defaults()), 2)
				.asOf(EventSource.csv(this.dir.resolve("events.csv"), (error) -> {
					throw new IllegalStateException("bad event row: " + error);
				}), this.customers::get, this.end);
			Map<String, Integer> rowOf = new HashMap<>();
			for (int r = 0; r < table.rowCount(); r++) {
				rowOf.put(table.customerId(r), r);
			}
			int[] rows = ids.stream().mapToInt(rowOf::get).toArray();
			return FeatureFrames.of(table, false).rows(rows).without(List.of(FeatureFrames.ID));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Continues the simulation by some months with the treatments and returns the
	 * customers who churned from the end on.
	 */
	Set<String> churnersAfter(List<Treatment> treatments, int months, Path outDir) {
		try {
			if (!Files.exists(outDir.resolve("customers.csv"))) {
				Simulator.continueFrom(this.dir, months, treatments, outDir);
			}
			Set<String> churners = new HashSet<>();
			for (CustomerAttributes customer : CustomerCsvReader.readAll(outDir.resolve("customers.csv")).rows()) {
				if (customer.churnDate() != null && !customer.churnDate().isBefore(this.end)) {
					churners.add(customer.customerId());
				}
			}
			return churners;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readTruth(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<String> header = List.of(reader.readLine().split(","));
			int churnDate = header.indexOf("churn_date");
			int probability = header.indexOf("churn_probability_90d");
			int segment = header.indexOf("segment");
			Map<RetentionAction, Integer> effectColumn = new HashMap<>();
			for (RetentionAction action : RetentionAction.values()) {
				effectColumn.put(action, header.indexOf("effect_" + action.code()));
			}
			String line;
			while ((line = reader.readLine()) != null) {
				String[] f = line.split(",", -1);
				if (!f[churnDate].isEmpty()) {
					continue;
				}
				Map<RetentionAction, Double> effect = new HashMap<>();
				effectColumn.forEach((action, column) -> effect.put(action, Double.parseDouble(f[column])));
				this.truth.put(f[0], new Truth(Double.parseDouble(f[probability]), UpliftSegment.fromCode(f[segment]),
						Map.copyOf(effect)));
			}
		}
	}

	static List<String> sorted(Set<String> ids) {
		List<String> list = new ArrayList<>(ids);
		list.sort(null);
		return list;
	}

}
