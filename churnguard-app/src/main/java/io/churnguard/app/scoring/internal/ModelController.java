package io.churnguard.app.scoring.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
import io.churnguard.app.scoring.ScoringRuns;
import io.churnguard.app.security.Actor;
import io.churnguard.app.web.NavigationItem;
import io.churnguard.ml.model.BlendModel;
import io.churnguard.ml.model.ChurnModel;
import io.churnguard.ml.model.LogisticModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The model registry (模型) in the console and the API, and on-demand scoring. */
@Configuration(proxyBeanMethods = false)
class ModelController {

	static final String VIEWERS = "hasAnyRole('ADMIN', 'RETENTION_HEAD', 'ANALYST', 'SALES_MANAGER', 'SERVICE_MANAGER')";

	static final String TRAINERS = "hasAnyRole('RETENTION_HEAD', 'ANALYST')";

	@Bean
	NavigationItem modelsNavigation() {
		return new NavigationItem("models", "nav.modelList", "/models", 10,
				Set.of("ADMIN", "RETENTION_HEAD", "ANALYST", "SALES_MANAGER", "SERVICE_MANAGER"));
	}

	static LocalDate today(Clock clock, String zone) {
		return LocalDate.now(clock.withZone(ZoneId.of(zone)));
	}

	@Controller
	@PreAuthorize(VIEWERS)
	static class Page {

		private final JdbcModelRegistry registry;

		private final TrainingJobs jobs;

		private final ScoringRuns scoring;

		private final Clock clock;

		private final String zone;

		Page(JdbcModelRegistry registry, TrainingJobs jobs, ScoringRuns scoring, Clock clock,
				@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
			this.registry = registry;
			this.jobs = jobs;
			this.scoring = scoring;
			this.clock = clock;
			this.zone = zone;
		}

		@GetMapping("/models")
		String list(Model model) {
			model.addAttribute("models", this.registry.list());
			model.addAttribute("jobs", this.jobs.recent());
			model.addAttribute("training", this.jobs.running());
			model.addAttribute("runs", this.scoring.recent(10));
			return "scoring/models";
		}

		@GetMapping("/models/{id}")
		String details(@PathVariable String id, Model model) {
			model.addAttribute("model",
					this.registry.find(id).orElseThrow(() -> new NoSuchElementException("no model " + id)));
			model.addAttribute("details", this.registry.details(id));
			return "scoring/model";
		}

		@GetMapping(value = "/models/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
		@ResponseBody
		String report(@PathVariable String id) {
			return this.registry.report(id);
		}

		@PostMapping("/models/train")
		@PreAuthorize(TRAINERS)
		String train(RedirectAttributes redirect) {
			TrainingJobs.Job job = this.jobs
				.start(ArchiveTrainingRequest.defaults(today(this.clock, this.zone), Actor.require().username()));
			redirect.addFlashAttribute("notice", "models.trainingStarted");
			redirect.addFlashAttribute("job", job.id());
			return "redirect:/models";
		}

		@PostMapping("/models/{id}/promote")
		@PreAuthorize(TRAINERS)
		String promote(@PathVariable String id, RedirectAttributes redirect) {
			this.registry.promote(id, Actor.require().username());
			redirect.addFlashAttribute("notice", "models.promoted");
			return "redirect:/models";
		}

		@PostMapping("/models/rollback")
		@PreAuthorize(TRAINERS)
		String rollback(RedirectAttributes redirect) {
			this.registry.rollback(Actor.require().username());
			redirect.addFlashAttribute("notice", "models.rolledBack");
			return "redirect:/models";
		}

		@PostMapping("/models/score")
		@PreAuthorize(TRAINERS)
		String score(RedirectAttributes redirect) {
			ScoringRuns.ScoringRun run = this.scoring.scoreAll(today(this.clock, this.zone),
					Actor.require().username());
			redirect.addFlashAttribute("scored", run);
			return "redirect:/models";
		}

	}

	@RestController
	@Tag(name = "Models", description = "The churn model registry, training from the archive, scoring")
	static class Api {

		private final JdbcModelRegistry registry;

		private final TrainingJobs jobs;

		private final ScoringRuns scoring;

		private final Clock clock;

		private final String zone;

		Api(JdbcModelRegistry registry, TrainingJobs jobs, ScoringRuns scoring, Clock clock,
				@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
			this.registry = registry;
			this.jobs = jobs;
			this.scoring = scoring;
			this.clock = clock;
			this.zone = zone;
		}

		@GetMapping("/api/v1/models")
		@PreAuthorize(VIEWERS)
		@Operation(summary = "Every registered model, newest first")
		List<ModelVersion> models() {
			return this.registry.list();
		}

		@GetMapping("/api/v1/models/{id}")
		@PreAuthorize(VIEWERS)
		@Operation(
				summary = "A model: its version, training result (metrics, coefficients' summary), training set-up and model card")
		Map<String, Object> model(@PathVariable String id) {
			ModelVersion version = this.registry.find(id)
				.orElseThrow(() -> new NoSuchElementException("no model " + id));
			Map<String, Object> details = new java.util.LinkedHashMap<>(this.registry.details(id));
			details.put("model", version);
			return details;
		}

		@GetMapping(value = "/api/v1/models/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
		@PreAuthorize(VIEWERS)
		@Operation(summary = "The model's HTML validation report")
		String report(@PathVariable String id) {
			return this.registry.report(id);
		}

		@GetMapping(value = "/api/v1/models/{id}/coefficients.csv", produces = "text/csv")
		@PreAuthorize(VIEWERS)
		@Operation(summary = "The logistic regression coefficient table (lr and blend models)")
		ResponseEntity<String> coefficients(@PathVariable String id) {
			return coefficientsCsv(this.registry.artifact(id).model())
				.map(csv -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv")).body(csv))
				.orElseThrow(() -> new NoSuchElementException("model " + id + " has no logistic regression"));
		}

		@PostMapping("/api/v1/models/training")
		@PreAuthorize(TRAINERS)
		@ResponseStatus(HttpStatus.ACCEPTED)
		@Operation(summary = "Train a model from the archive in the background",
				description = "Optional body: horizonDays, leadDays, everyDays, historyDays, churnDefinition, algorithm, cvFolds, seed.")
		TrainingJobs.Job train(@RequestBody(required = false) Map<String, Object> body) {
			ArchiveTrainingRequest defaults = ArchiveTrainingRequest.defaults(today(this.clock, this.zone),
					Actor.require().username());
			Map<String, Object> b = (body != null) ? body : Map.of();
			return this.jobs.start(new ArchiveTrainingRequest(defaults.dataEnd(),
					intOf(b, "horizonDays", defaults.horizonDays()), intOf(b, "leadDays", defaults.leadDays()),
					intOf(b, "everyDays", defaults.everyDays()), intOf(b, "historyDays", defaults.historyDays()),
					String.valueOf(b.getOrDefault("churnDefinition", defaults.churnDefinition())),
					String.valueOf(b.getOrDefault("algorithm", defaults.algorithm())),
					intOf(b, "cvFolds", defaults.cvFolds()), intOf(b, "seed", 0), null, defaults.user()));
		}

		@GetMapping("/api/v1/models/training/{job}")
		@PreAuthorize(TRAINERS)
		@Operation(summary = "A training job's status; completed jobs name the registered model")
		TrainingJobs.Job job(@PathVariable long job) {
			return this.jobs.find(job);
		}

		@PostMapping("/api/v1/models/{id}/promote")
		@PreAuthorize(TRAINERS)
		@Operation(summary = "Make a model the champion that scores customers")
		ModelVersion promote(@PathVariable String id) {
			return this.registry.promote(id, Actor.require().username());
		}

		@PostMapping("/api/v1/models/rollback")
		@PreAuthorize(TRAINERS)
		@Operation(summary = "Make the previous champion the champion again")
		ModelVersion rollback() {
			return this.registry.rollback(Actor.require().username());
		}

		@GetMapping("/api/v1/scoring/runs")
		@PreAuthorize(TRAINERS)
		@Operation(summary = "The latest finished scoring runs, newest first, with how long each phase took")
		List<ScoringRuns.ScoringRun> runs(@RequestParam(defaultValue = "20") int limit) {
			if (limit < 1 || limit > 200) {
				throw new IllegalArgumentException("limit must be between 1 and 200, was " + limit);
			}
			return this.scoring.recent(limit);
		}

		@PostMapping("/api/v1/scoring/runs")
		@PreAuthorize(TRAINERS)
		@ResponseStatus(HttpStatus.CREATED)
		@Operation(summary = "Score every active customer with the champion, as of today or an earlier day "
				+ "(a missed day or a back-test: features then use only the events before that day)")
		ScoringRuns.ScoringRun score(
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
			LocalDate today = today(this.clock, this.zone);
			if (asOf != null && asOf.isAfter(today)) {
				throw new IllegalArgumentException("asOf must not be after today (" + today + "), was " + asOf);
			}
			return this.scoring.scoreAll((asOf != null) ? asOf : today, Actor.require().username());
		}

		/**
		 * The coefficient table of a logistic regression, alone or as a member of a
		 * blend.
		 */
		static java.util.Optional<String> coefficientsCsv(ChurnModel model) {
			if (model instanceof LogisticModel logistic) {
				return java.util.Optional.of(logistic.fit().toCsv());
			}
			if (model instanceof BlendModel blend) {
				return blend.members()
					.stream()
					.map(Api::coefficientsCsv)
					.flatMap(java.util.Optional::stream)
					.findFirst();
			}
			return java.util.Optional.empty();
		}

		private static int intOf(Map<String, Object> body, String key, int fallback) {
			Object value = body.get(key);
			if (value == null) {
				return fallback;
			}
			try {
				return Integer.parseInt(value.toString());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
			}
		}

	}

}
