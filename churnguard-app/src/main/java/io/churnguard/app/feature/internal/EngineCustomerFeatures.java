package io.churnguard.app.feature.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.CustomerFeatures;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.CustomerState;
import io.churnguard.ml.feature.FeatureVector;

import org.springframework.stereotype.Component;

/**
 * One customer's features: their events before the day, fed through the engine's customer
 * state.
 */
@Component
class EngineCustomerFeatures implements CustomerFeatures {

	private final FeatureCatalog catalog;

	private final ArchiveEvents archive;

	EngineCustomerFeatures(FeatureCatalog catalog, ArchiveEvents archive) {
		this.catalog = catalog;
		this.archive = archive;
	}

	@Override
	public Optional<FeatureVector> asOf(String customerId, LocalDate asOf) {
		return asOf(customerId, List.of(asOf)).stream().findFirst();
	}

	@Override
	public List<FeatureVector> asOf(String customerId, List<LocalDate> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		CustomerAttributes customer = this.archive.attributes(List.of(customerId)).get(customerId);
		if (customer == null) {
			return List.of();
		}
		CustomerState state = this.catalog.plan().newState();
		state.reset(customerId, customer);
		List<FeatureVector> vectors = new ArrayList<>(days.size());
		try {
			// Events come in time order: each day is evaluated just before the first
			// event
			// on or after it, so one read serves every day.
			this.archive.events(List.of(customerId), days.get(days.size() - 1))
				.read((id, time, type, subtype, amount, quantity) -> {
					while (vectors.size() < days.size() && !time.toLocalDate().isBefore(days.get(vectors.size()))) {
						vectors.add(state.evaluate(days.get(vectors.size())));
					}
					state.add(
							new io.churnguard.ml.event.Event("-", id, time, type, subtype, amount, quantity, Map.of()));
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		while (vectors.size() < days.size()) {
			vectors.add(state.evaluate(days.get(vectors.size())));
		}
		return vectors;
	}

}
