package io.churnguard.app.warning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.security.Actor;
import io.churnguard.app.warning.WarningOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Warnings through the API: the queue, the lifecycle, rules, levels and evaluation. */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "Warnings", description = "Early warnings: queue, lifecycle, rules, level matrix, evaluation")
class WarningApiController {

	static final String EDITORS = "hasAnyRole('RETENTION_HEAD', 'ADMIN')";

	private final WarningQueries queries;

	private final WarningWorkflow workflow;

	private final RuleStore rules;

	private final LevelMatrixStore levels;

	private final WarningEvaluation evaluation;

	private final Escalations escalations;

	private final Clock clock;

	private final ZoneId zone;

	WarningApiController(WarningQueries queries, WarningWorkflow workflow, RuleStore rules, LevelMatrixStore levels,
			WarningEvaluation evaluation, Escalations escalations, Clock clock,
			@Value("${churnguard.time-zone:Asia/Shanghai}") String zone) {
		this.queries = queries;
		this.workflow = workflow;
		this.rules = rules;
		this.levels = levels;
		this.evaluation = evaluation;
		this.escalations = escalations;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping
	@Operation(summary = "Warnings within the caller's scope",
			description = "Filters: level (1–4), status (new, assigned, in_progress, closed, or open), owner (or - for the "
					+ "team queue), province, customerId, overdue. Agents see their own warnings only.")
	WarningQueries.Page list(@RequestParam(required = false) Integer level,
			@RequestParam(required = false) String status, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String province, @RequestParam(required = false) String customerId,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > 500) {
			throw new IllegalArgumentException("size must be between 1 and 500, was " + size);
		}
		return this.queries.search(new WarningQueries.Filter(level, status, owner, province, customerId, overdue),
				worker(), Math.max(0, page), size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A warning with its history")
	Map<String, Object> get(@PathVariable long id) {
		WarningView warning = this.queries.find(id, worker())
			.orElseThrow(() -> new NoSuchElementException("no warning " + id));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("warning", warning);
		body.put("history", this.queries.history(id));
		return body;
	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "Assign or reassign a warning", description = "Body: {\"owner\": \"user name\"}.")
	WarningView assign(@PathVariable long id, @RequestBody Map<String, String> body) {
		return this.workflow.assign(id, required(body, "owner"), worker());
	}

	@PostMapping("/assign")
	@Operation(summary = "Assign several warnings, all or none",
			description = "Body: {\"ids\": [1, 2], \"owner\": \"user name\"}. A warning outside the caller's scope "
					+ "(404) or closed (409) is named in the answer and nothing is assigned.")
	List<WarningView> assignMany(@RequestBody Map<String, Object> body) {
		Object ids = body.get("ids");
		if (!(ids instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException("ids: give the warnings to assign");
		}
		List<Long> warningIds = new ArrayList<>();
		for (Object id : list) {
			try {
				warningIds.add(Long.parseLong(id.toString()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("ids: '" + id + "' is not a warning id");
			}
		}
		return this.workflow.assignAll(warningIds, required(body, "owner"), worker());
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "Take a warning: assign it to yourself",
			description = "How an agent works their team's queue (warnings without an owner); managers may claim any "
					+ "warning in their scope.")
	WarningView claim(@PathVariable long id) {
		return this.workflow.claim(id, worker());
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Start working a warning")
	WarningView start(@PathVariable long id) {
		return this.workflow.start(id, worker());
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a warning with its outcome",
			description = "Body: {\"outcome\": \"retained|lost|false_alarm|unreachable\", \"notes\": \"…\"}.")
	WarningView close(@PathVariable long id, @RequestBody Map<String, String> body) {
		return this.workflow.close(id, WarningOutcome.fromCode(required(body, "outcome")), body.get("notes"), worker());
	}

	@PostMapping("/escalations")
	@PreAuthorize(EDITORS)
	@Operation(summary = "Escalate every overdue warning now (the job does it every five minutes)")
	Map<String, Integer> escalate() {
		return Map.of("escalated", this.escalations.escalateOverdue());
	}

	@GetMapping("/rules")
	@Operation(summary = "The warning rules")
	List<WarningRule> rules() {
		worker();
		return this.rules.all();
	}

	@PostMapping("/rules")
	@PreAuthorize(EDITORS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a rule", description = "The expression is CEL over the features; it is compiled and "
			+ "type-checked before it is saved, and a bad one is refused with the reason.")
	WarningRule create(@RequestBody RuleStore.RuleInput rule) {
		return this.rules.save(null, rule, Actor.require().username());
	}

	@PutMapping("/rules/{id}")
	@PreAuthorize(EDITORS)
	@Operation(summary = "Change a rule")
	WarningRule update(@PathVariable long id, @RequestBody RuleStore.RuleInput rule) {
		return this.rules.save(id, rule, Actor.require().username());
	}

	@DeleteMapping("/rules/{id}")
	@PreAuthorize(EDITORS)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a rule")
	void delete(@PathVariable long id) {
		this.rules.delete(id, Actor.require().username());
	}

	@GetMapping("/levels")
	@Operation(summary = "The level matrix: risk band → grade → level (1 = I … 4 = IV, null = no warning)")
	Map<String, Map<String, Integer>> levels() {
		worker();
		return this.levels.current().table();
	}

	@PutMapping("/levels")
	@PreAuthorize(EDITORS)
	@Operation(summary = "Replace the level matrix")
	Map<String, Map<String, Integer>> saveLevels(@RequestBody Map<String, Map<String, Integer>> table) {
		return this.levels.save(table, Actor.require().username()).table();
	}

	@GetMapping("/evaluation")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'ANALYST', 'ADMIN', 'SALES_MANAGER', 'SERVICE_MANAGER')")
	@Operation(summary = "Precision, recall, lead time, false alarms and load for a period, within the caller's scope",
			description = "from/to: ISO dates (default: the last 90 days); horizonDays: how long after a warning churn counts (90). "
					+ "A manager's figures cover the warnings and customers of their region or team only.")
	WarningEvaluation.Report evaluation(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "90") int horizonDays) {
		LocalDate end = (to != null) ? to : LocalDate.now(this.clock.withZone(this.zone)).plusDays(1);
		return this.evaluation.evaluate((from != null) ? from : end.minusDays(90), end, horizonDays, worker());
	}

	static Actor worker() {
		Actor actor = Actor.require();
		if (actor.role() == io.churnguard.app.security.Role.AUDITOR) {
			throw new AccessDeniedException("auditors do not see warnings");
		}
		return actor;
	}

	private static String required(Map<String, ?> body, String key) {
		Object value = body.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException(key + " is required");
		}
		return value.toString().strip();
	}

}
