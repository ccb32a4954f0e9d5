package io.churnguard.app.customer.internal;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Value grading (客户分级): runs, reports and the rules, in the console and the API. */
class GradingController {

	private GradingController() {
	}

	@Controller
	@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'SALES_MANAGER', 'ANALYST')")
	static class Page {

		private final Grading grading;

		Page(Grading grading) {
			this.grading = grading;
		}

		@GetMapping("/customers/grading")
		String page(@RequestParam(required = false) Long run, Model model) {
			List<Map<String, Object>> runs = this.grading.runs(20);
			model.addAttribute("runs", runs);
			model.addAttribute("rules", this.grading.rules());
			Long shown = (run != null) ? run
					: runs.stream().map(r -> ((Number) r.get("id")).longValue()).findFirst().orElse(null);
			model.addAttribute("shownRun", shown);
			model.addAttribute("report", (shown != null) ? this.grading.report(shown).orElse(null) : null);
			return "customer/grading";
		}

		@PostMapping("/customers/grading")
		@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD')")
		String runNow(RedirectAttributes redirect) {
			GradingJob.GradingRun run = this.grading.runNow(Actor.require().username());
			redirect.addAttribute("run", run.id());
			return "redirect:/customers/grading";
		}

	}

	@RestController
	@Tag(name = "Grading", description = "Value grades A–E: runs and up/down-grade reports")
	static class Api {

		private final Grading grading;

		Api(Grading grading) {
			this.grading = grading;
		}

		@PostMapping("/api/v1/grading/runs")
		@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD')")
		@ResponseStatus(HttpStatus.CREATED)
		@Operation(summary = "Re-grade every active customer now")
		@ResponseBody
		GradingJob.GradingRun run() {
			return this.grading.runNow(Actor.require().username());
		}

		@GetMapping("/api/v1/grading/runs")
		@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'SALES_MANAGER', 'ANALYST')")
		@Operation(summary = "The latest grading runs")
		List<Map<String, Object>> runs() {
			return this.grading.runs(50);
		}

		@GetMapping("/api/v1/grading/runs/{id}/report")
		@PreAuthorize("hasAnyRole('ADMIN', 'RETENTION_HEAD', 'SALES_MANAGER', 'ANALYST')")
		@Operation(summary = "A run's up/down-grade report per province")
		Map<String, Object> report(@PathVariable long id) {
			return this.grading.report(id).orElseThrow(() -> new NoSuchElementException("no grading run " + id));
		}

		@GetMapping("/api/v1/grading/rules")
		@Operation(summary = "The grading rules in force")
		GradingRules rules() {
			return this.grading.rules();
		}

	}

}
