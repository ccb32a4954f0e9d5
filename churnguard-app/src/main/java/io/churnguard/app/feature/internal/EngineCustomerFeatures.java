package io.churnguard.app.feature.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.churnguard.app.feature.ArchiveEvents;
import io.churnguard.app.feature.CustomerFeatures;
import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.ml.event.CustomerAttributes;
import io.churnguard.ml.feature.CustomerState;
import io.churnguard.ml.feature.FeaturePlan;
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
		Map<String, CustomerAttributes> attributes = this.archive.attributes(List.of(customerId));
		CustomerAttributes customer = attributes.get(customerId);
		if (customer == null) {
			return Optional.empty();
		}
		FeaturePlan plan = this.catalog.plan();
		CustomerState state = plan.newState();
		state.reset(customerId, customer);
		try {
			this.archive.events(List.of(customerId), asOf)
				.read((id, time, type, subtype, amount, quantity) -> state
					.add(new io.churnguard.ml.event.Event("-", id, time, type, subtype, amount, quantity, Map.of())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Optional.of(state.evaluate(asOf));
	}

}
