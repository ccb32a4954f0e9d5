package io.churnguard.app.feature.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.churnguard.app.feature.FeatureCatalog;
import io.churnguard.app.web.NavigationItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The feature catalogue (特征目录): every feature, its definition and its words. */
@Configuration(proxyBeanMethods = false)
class FeatureCatalogController {

	@Bean
	NavigationItem featureCatalogNavigation() {
		return new NavigationItem("models", "nav.features", "/features", 50, Set.of());
	}

	@Controller
	static class Page {

		private final FeatureCatalog catalog;

		Page(FeatureCatalog catalog) {
			this.catalog = catalog;
		}

		@GetMapping("/features")
		String catalog(Model model, Locale locale) {
			model.addAttribute("featureSet", this.catalog.featureSet().name());
			model.addAttribute("features",
					this.catalog.featureSet().definitions().stream().map(f -> FeatureInfo.of(f, locale)).toList());
			return "feature/catalog";
		}

	}

	@RestController
	@Tag(name = "Features", description = "The behavioural feature catalogue")
	static class Api {

		private final FeatureCatalog catalog;

		Api(FeatureCatalog catalog) {
			this.catalog = catalog;
		}

		@GetMapping("/api/v1/features")
		@Operation(summary = "Every feature with its definition, unit, direction and labels in Chinese and English")
		List<FeatureInfo> features(@RequestParam(defaultValue = "zh-CN") String lang) {
			Locale locale = Locale.forLanguageTag(lang);
			return this.catalog.featureSet().definitions().stream().map(f -> FeatureInfo.of(f, locale)).toList();
		}

	}

}
