package io.churnguard.app.retention.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.ml.data.Frame;
import io.churnguard.ml.feature.BatchFeatureRunner;
import io.churnguard.ml.feature.FeatureFrames;
import io.churnguard.ml.feature.FeatureTable;

import org.springframework.stereotype.Component;

/**
 * Customers' features as of a day for uplift training and targeting, through the same
 * batch path the scoring job uses (the feature engine's {@link BatchFeatureRunner} over
 * the archive's events strictly before the day), so an uplift model sees what the churn
 * model sees.
 */
@Component
class FeaturesAsOf {

	private final ArchiveEvents archive;

	private final FeatureCatalog catalog;

	FeaturesAsOf(ArchiveEvents archive, FeatureCatalog catalog) {
		this.archive = archive;
		this.catalog = catalog;
	}

	/**
	 * @param customerIds the customers
	 * @param day features use only events strictly before this day
	 * @return the customers with features (those without any event before the day have
	 * none and are left out), with the id column first
	 */
	Frame of(Collection<String> customerIds, LocalDate day) {
		if (customerIds.isEmpty()) {
			return null;
		}
		FeatureTable table;
		try {
			table = new BatchFeatureRunner(this.catalog.plan(), Runtime.getRuntime().availableProcessors()).asOf(
					this.archive.events(customerIds, day), ArchiveEvents.lookup(this.archive.attributes(customerIds)),
					day);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return FeatureFrames.of(table, false);
	}

	/**
	 * The rows of a frame in the order of the given ids; ids the frame lacks are skipped.
	 * @return the kept ids and their rows
	 */
	static Selection select(Frame frame, List<String> ids) {
		Map<String, Integer> rowOf = new HashMap<>();
		if (frame != null) {
			for (int r = 0; r < frame.rowCount(); r++) {
				rowOf.put(frame.column(FeatureFrames.ID).text(r), r);
			}
		}
		List<String> kept = new ArrayList<>();
		List<Integer> rows = new ArrayList<>();
		for (String id : ids) {
			Integer row = rowOf.get(id);
			if (row != null) {
				kept.add(id);
				rows.add(row);
			}
		}
		return new Selection(kept,
				(frame != null) ? frame.rows(rows.stream().mapToInt(Integer::intValue).toArray()) : null);
	}

	/**
	 * @param ids the customers kept
	 * @param frame their features, with the id column, in the same order
	 */
	record Selection(List<String> ids, Frame frame) {

		/** The features a learner reads: without the id column. */
		Frame features() {
			return this.frame.without(List.of(FeatureFrames.ID));
		}

	}

}
