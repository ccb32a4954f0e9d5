package io.churnguard.app.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.warning.WarningOutcome;
import io.churnguard.app.web.NavigationItem;
import io.churnguard.app.web.PageJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The warning workbench (预警工作台), rules, level matrix and evaluation pages. */
@Controller
@RequestMapping("/warnings")
class WarningConsoleController {

	private static final int PAGE_SIZE = 50;

	private final WarningQueries queries;

	private final WarningWorkflow workflow;

	private final RuleStore rules;

	private final LevelMatrixStore levels;

	private final WarningEvaluation evaluation;

	private final UserDirectory users;

	private final WarningTrends trends;

	private final Clock clock;

	private final ZoneId zone;

	WarningConsoleController(WarningQueries queries, WarningWorkflow workflow, RuleStore rules, LevelMatrixStore levels,
			WarningEvaluation evaluation, UserDirectory users, WarningTrends trends, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.queries = queries;
		this.workflow = workflow;
		this.rules = rules;
		this.levels = levels;
		this.evaluation = evaluation;
		this.users = users;
		this.trends = trends;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping
	String workbench(@RequestParam(required = false) Integer level, @RequestParam(defaultValue = "open") String status,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String province,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Actor actor = WarningApiController.worker();
		WarningQueries.Filter filter = new WarningQueries.Filter(level, status, owner, province, null, overdue);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.queries.search(filter, actor, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("assignees", assignees(actor));
		model.addAttribute("mayAssign", actor.hasRole(Role.RETENTION_HEAD, Role.SALES_MANAGER, Role.SERVICE_MANAGER));
		return "warning/workbench";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, java.util.Locale locale) {
		Actor actor = WarningApiController.worker();
		WarningView warning = this.queries.find(id, actor)
			.orElseThrow(() -> new NoSuchElementException("no warning " + id));
		model.addAttribute("warning", warning);
		model.addAttribute("trends", this.trends.of(warning.customerId(), locale));
		model.addAttribute("history", this.queries.history(id));
		model.addAttribute("assignees", assignees(actor));
		model.addAttribute("outcomes", WarningOutcome.values());
		model.addAttribute("me", actor.username());
		return "warning/detail";
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam String owner, RedirectAttributes redirect) {
		this.workflow.assign(id, owner, WarningApiController.worker());
		redirect.addFlashAttribute("notice", "warnings.assigned");
		return "redirect:/warnings/" + id;
	}

	@PostMapping("/assign")
	String assignMany(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String owner,
			RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("error", "warnings.noneSelected");
			return "redirect:/warnings";
		}
		try {
			this.workflow.assignAll(ids, owner, WarningApiController.worker());
			redirect.addFlashAttribute("notice", "warnings.assigned");
		}
		catch (NoSuchElementException | IllegalStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("assignError", ex.getMessage());
		}
		return "redirect:/warnings";
	}

	@PostMapping("/{id}/claim")
	String claim(@PathVariable long id, RedirectAttributes redirect) {
		this.workflow.claim(id, WarningApiController.worker());
		redirect.addFlashAttribute("notice", "warnings.claimed");
		return "redirect:/warnings/" + id;
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, RedirectAttributes redirect) {
		this.workflow.start(id, WarningApiController.worker());
		return "redirect:/warnings/" + id;
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam String outcome, @RequestParam(required = false) String notes,
			RedirectAttributes redirect) {
		this.workflow.close(id, WarningOutcome.fromCode(outcome), notes, WarningApiController.worker());
		redirect.addFlashAttribute("notice", "warnings.closed");
		return "redirect:/warnings/" + id;
	}

	@GetMapping("/rules")
	String rules(Model model) {
		WarningApiController.worker();
		model.addAttribute("rules", this.rules.all());
		model.addAttribute("matrix", this.levels.current().table());
		return "warning/rules";
	}

	@PostMapping("/rules")
	@PreAuthorize(WarningApiController.EDITORS)
	String saveRule(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam String expression,
			@RequestParam int level, @RequestParam String messageZh, @RequestParam String messageEn,
			@RequestParam(required = false) String action, @RequestParam(defaultValue = "false") boolean enabled,
			RedirectAttributes redirect) {
		try {
			this.rules.save(id,
					new RuleStore.RuleInput(name.strip(), expression.strip(), level, messageZh, messageEn,
							(action != null && !action.isBlank()) ? action.strip() : null, enabled),
					Actor.require().username());
			redirect.addFlashAttribute("notice", "rules.saved");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("ruleError", ex.getMessage());
			redirect.addFlashAttribute("draft",
					new RuleStore.RuleInput(name, expression, level, messageZh, messageEn, action, enabled));
		}
		return "redirect:/warnings/rules";
	}

	@PostMapping("/levels")
	@PreAuthorize(WarningApiController.EDITORS)
	String saveLevels(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, Map<String, Integer>> table = new java.util.LinkedHashMap<>();
		for (String band : LevelMatrix.BANDS) {
			Map<String, Integer> row = new java.util.LinkedHashMap<>();
			for (String grade : LevelMatrix.GRADES) {
				String value = form.get(band + "_" + grade);
				row.put(grade, (value == null || value.isBlank()) ? null : Integer.valueOf(value));
			}
			table.put(band, row);
		}
		this.levels.save(table, Actor.require().username());
		redirect.addFlashAttribute("notice", "levels.saved");
		return "redirect:/warnings/rules";
	}

	@GetMapping("/evaluation")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'ANALYST', 'ADMIN', 'SALES_MANAGER', 'SERVICE_MANAGER')")
	String evaluation(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "90") int horizonDays, Model model) {
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock.withZone(this.zone)).plusDays(1);
		WarningEvaluation.Report report = this.evaluation.evaluate((from != null) ? from : end.minusDays(90), end,
				horizonDays, WarningApiController.worker());
		model.addAttribute("report", report);
		model.addAttribute("chartJson", PageJson
			.write(Map.of("levels", report.levels().stream().map(r -> "I II III IV".split(" ")[r.level() - 1]).toList(),
					"precision", report.levels().stream().map(r -> Math.round(r.precision() * 1000) / 10.0).toList())));
		return "warning/evaluation";
	}

	private List<String> assignees(Actor actor) {
		return this.users.workers()
			.stream()
			.filter(user -> actor.hasRole(Role.RETENTION_HEAD) || actor.region() == null || user.region() == null
					|| actor.region().equals(user.region()))
			.map(Actor::username)
			.toList();
	}

	@Bean
	static NavigationItem workbenchNavigation() {
		return new NavigationItem("warnings", "nav.workbench", "/warnings", 10,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "AGENT", "ANALYST"));
	}

	@Bean
	static NavigationItem rulesNavigation() {
		return new NavigationItem("warnings", "nav.warningRules", "/warnings/rules", 20,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "ANALYST"));
	}

	@Bean
	static NavigationItem evaluationNavigation() {
		return new NavigationItem("warnings", "nav.warningEvaluation", "/warnings/evaluation", 30,
				Set.of("ADMIN", "RETENTION_HEAD", "SALES_MANAGER", "SERVICE_MANAGER", "ANALYST"));
	}

}
