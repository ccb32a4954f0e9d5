package io.churnguard.app.feature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.ml.feature.FeaturePlan;
import io.churnguard.ml.feature.FeatureSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the feature set once at start-up. A broken definitions file stops the start with
 * the file's name and the problem, rather than scoring with half a feature set.
 */
@Configuration(proxyBeanMethods = false)
class FeatureConfiguration {

	@Bean
	FeatureCatalog featureCatalog(@Value("${churnguard.features.definitions:}") String definitions) {
		FeatureSet set = load(definitions);
		FeaturePlan plan = FeaturePlan.compile(set);
		return new FeatureCatalog() {
			@Override
			public FeatureSet featureSet() {
				return set;
			}

			@Override
			public FeaturePlan plan() {
				return plan;
			}
		};
	}

	static FeatureSet load(String definitions) {
		if (definitions == null || definitions.isBlank()) {
			return FeatureSet.defaults();
		}
		Path file = Path.of(definitions);
		try (InputStream in = Files.newInputStream(file)) {
			return FeatureSet.fromYaml(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the feature definitions " + file + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("the feature definitions " + file + " are invalid: " + ex.getMessage(), ex);
		}
	}

}
