package io.churnguard.app.retention.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.customer.CustomerArchive;
import io.churnguard.app.retention.ContactOutcome;
import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Retention through the API: playbooks, campaigns, tasks and outcomes, contact lists. */
@RestController
@Tag(name = "Retention", description = "Playbooks, campaigns with approval and control groups, contact tasks, "
		+ "outcomes, evaluation, black and white lists")
class RetentionApiController {

	private final Playbooks playbooks;

	private final Campaigns campaigns;

	private final CampaignQueries queries;

	private final DesigningCampaign designing;

	private final ApprovingCampaign approving;

	private final LaunchingCampaign launching;

	private final Tasks tasks;

	private final RecordingContactOutcome recording;

	private final EvaluatingCampaign evaluating;

	private final ContactLists lists;

	private final CampaignPreview preview;

	private final PlaybookSuggestions suggestions;

	private final CustomerArchive archive;

	RetentionApiController(Playbooks playbooks, Campaigns campaigns, CampaignQueries queries,
			DesigningCampaign designing, ApprovingCampaign approving, LaunchingCampaign launching, Tasks tasks,
			RecordingContactOutcome recording, EvaluatingCampaign evaluating, ContactLists lists,
			CampaignPreview preview, PlaybookSuggestions suggestions, CustomerArchive archive) {
		this.playbooks = playbooks;
		this.campaigns = campaigns;
		this.queries = queries;
		this.designing = designing;
		this.approving = approving;
		this.launching = launching;
		this.tasks = tasks;
		this.recording = recording;
		this.evaluating = evaluating;
		this.lists = lists;
		this.preview = preview;
		this.suggestions = suggestions;
		this.archive = archive;
	}

	@GetMapping("/api/v1/playbooks")
	@Operation(summary = "The playbook library (挽留策略库)")
	List<Playbook> playbooks() {
		RetentionAccess.user();
		return this.playbooks.all();
	}

	@GetMapping("/api/v1/playbooks/suggestions")
	@Operation(summary = "The playbooks suggested for a customer's open warnings",
			description = "A customer outside the caller's scope answers 404.")
	List<PlaybookSuggestions.Suggestion> suggestions(@RequestParam String customerId) {
		Actor actor = RetentionAccess.user();
		this.archive.find(customerId, actor, false)
			.orElseThrow(() -> new NoSuchElementException("no customer " + customerId));
		return this.suggestions.forCustomer(customerId);
	}

	@PostMapping("/api/v1/playbooks")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a playbook",
			description = "churnReason: a score reason's feature or a rule name, or *; segment: a plan, province or team, "
					+ "or *; grade A–E or *; channel phone|sms|email|visit|app|wechat; ownerRole AGENT|SALES_MANAGER|"
					+ "SERVICE_MANAGER|RETENTION_HEAD.")
	Playbook createPlaybook(@RequestBody Playbook.Input input) {
		return this.playbooks.save(null, input, Actor.require().username());
	}

	@PutMapping("/api/v1/playbooks/{id}")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Change a playbook")
	Playbook updatePlaybook(@PathVariable long id, @RequestBody Playbook.Input input) {
		return this.playbooks.save(id, input, Actor.require().username());
	}

	@GetMapping("/api/v1/campaigns")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "Campaigns, newest first")
	List<Map<String, Object>> campaigns() {
		return this.campaigns.all().stream().map(RetentionApiController::view).toList();
	}

	@PostMapping("/api/v1/campaigns")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a draft campaign",
			description = "kind batch|triggered; filter {provinces, grades, plans, teams, riskBands, minProbability, "
					+ "maxWarningLevel}; playbookIds; default action/channel/costPerContact; experiment design "
					+ "baselineRetention, expectedUplift, minControlShare (≥ 0.05), observationDays; startAt (ISO instant) "
					+ "to launch automatically once approved.")
	Map<String, Object> create(@RequestBody Campaign.Input input) {
		return view(this.designing.create(input, Actor.require()));
	}

	@GetMapping("/api/v1/campaigns/{id}")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "A campaign with its design, list sizes and task split")
	Map<String, Object> campaign(@PathVariable long id) {
		Campaign campaign = this.campaigns.require(id);
		Map<String, Object> body = view(campaign);
		body.put("groups", this.queries.groups(id));
		body.put("split", this.queries.split(id));
		if (campaign.status() != CampaignStatus.RUNNING && campaign.status() != CampaignStatus.FINISHED
				&& !campaign.triggered()) {
			body.put("preview", this.preview.of(campaign));
		}
		return body;
	}

	@PutMapping("/api/v1/campaigns/{id}")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Change a draft or rejected campaign")
	Map<String, Object> update(@PathVariable long id, @RequestBody Campaign.Input input) {
		return view(this.designing.update(id, input, Actor.require()));
	}

	@PostMapping("/api/v1/campaigns/{id}/submit")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Submit a campaign for approval")
	Map<String, Object> submit(@PathVariable long id) {
		return view(this.designing.submit(id, Actor.require()));
	}

	@PostMapping("/api/v1/campaigns/{id}/approve")
	@Operation(summary = "Approve a submitted campaign (retention head; not one's own while another head exists)",
			description = "Body (optional): {\"note\": \"…\"}. The campaign becomes scheduled.")
	Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
		return view(this.approving.approve(id, note(body), Actor.require()));
	}

	@PostMapping("/api/v1/campaigns/{id}/reject")
	@Operation(summary = "Reject a submitted campaign (retention head)")
	Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
		return view(this.approving.reject(id, note(body), Actor.require()));
	}

	@PostMapping("/api/v1/campaigns/{id}/launch")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Launch an approved campaign now",
			description = "Draws and freezes the list, holds out the control group, issues the treated members' tasks.")
	Map<String, Object> launch(@PathVariable long id) {
		Map<String, Object> body = view(this.launching.launch(id, Actor.require()));
		body.put("groups", this.queries.groups(id));
		return body;
	}

	@PostMapping("/api/v1/campaigns/{id}/finish")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Finish a running campaign")
	Map<String, Object> finish(@PathVariable long id) {
		return view(this.designing.finish(id, Actor.require()));
	}

	@GetMapping("/api/v1/campaigns/{id}/members")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "The campaign's members within the caller's customer scope",
			description = "group: treatment, control or exempt.")
	List<Map<String, Object>> members(@PathVariable long id, @RequestParam(required = false) String group,
			@RequestParam(defaultValue = "500") int limit) {
		this.campaigns.require(id);
		return this.queries.members(id, Actor.require(), group, Math.min(Math.max(1, limit), 5000));
	}

	@GetMapping("/api/v1/campaigns/{id}/tasks")
	@Operation(summary = "The campaign's contact tasks the caller may see (agents: their own)")
	List<TaskView> campaignTasks(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "500") int limit) {
		this.campaigns.require(id);
		return this.tasks.visible(RetentionAccess.user(), id, status, Math.min(Math.max(1, limit), 5000));
	}

	@PostMapping(path = "/api/v1/campaigns/{id}/outcomes", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import contact outcomes as CSV",
			description = "Lines customer_id,outcome[,notes] with outcome reached|accepted|declined|unreachable; "
					+ "a header line is skipped; failed lines are reported with their number.")
	RecordingContactOutcome.ImportResult importOutcomes(@PathVariable long id, @RequestBody String csv) {
		this.campaigns.require(id);
		return this.recording.importCsv(id, csv, RetentionAccess.user());
	}

	@GetMapping("/api/v1/campaigns/{id}/evaluation")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "The campaign's effect: retention treated vs control, uplift with 95% CI and p-value, "
			+ "cost, saved value and ROI, overall and by grade, risk band, channel, owner and action")
	EvaluatingCampaign.Report evaluation(@PathVariable long id) {
		return this.evaluating.evaluate(id);
	}

	@GetMapping("/api/v1/tasks")
	@Operation(summary = "Contact tasks the caller may see: an agent's own, a manager's scope",
			description = "status: open, done or cancelled.")
	List<TaskView> myTasks(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "500") int limit) {
		return this.tasks.visible(RetentionAccess.user(), null, status, Math.min(Math.max(1, limit), 5000));
	}

	@GetMapping("/api/v1/tasks/{id}")
	@Operation(summary = "A contact task")
	TaskView task(@PathVariable long id) {
		return this.tasks.find(id, RetentionAccess.user())
			.orElseThrow(() -> new NoSuchElementException("no task " + id));
	}

	@PostMapping("/api/v1/tasks/{id}/outcome")
	@Operation(summary = "Record a contact's outcome",
			description = "Body: {\"outcome\": \"reached|accepted|declined|unreachable\", \"notes\": \"…\"}.")
	TaskView recordOutcome(@PathVariable long id, @RequestBody Map<String, String> body) {
		String outcome = body.get("outcome");
		if (outcome == null) {
			throw new IllegalArgumentException("outcome is required");
		}
		return this.recording.record(id, ContactOutcome.fromCode(outcome), body.get("notes"), RetentionAccess.user());
	}

	@GetMapping("/api/v1/contact-lists/{kind}")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER', 'ADMIN')")
	@Operation(summary = "The black or white list", description = "kind: black or white.")
	List<ContactLists.Entry> list(@PathVariable String kind) {
		return this.lists.list(kind);
	}

	@PostMapping("/api/v1/contact-lists/{kind}")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	@Operation(summary = "Add customers to the black or white list",
			description = "Body: {\"customerIds\": [\"C1\"], \"reason\": \"…\"}.")
	Map<String, Integer> add(@PathVariable String kind, @RequestBody Map<String, Object> body) {
		Object ids = body.get("customerIds");
		if (!(ids instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException("customerIds: give the customers to add");
		}
		return Map.of("added", this.lists.add(kind, list.stream().map(Object::toString).toList(),
				(body.get("reason") != null) ? body.get("reason").toString() : null, Actor.require().username()));
	}

	@DeleteMapping("/api/v1/contact-lists/{kind}/{customerId}")
	@PreAuthorize("hasRole('RETENTION_HEAD')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a customer from the black or white list (retention head)")
	void remove(@PathVariable String kind, @PathVariable String customerId) {
		this.lists.remove(kind, customerId, Actor.require().username());
	}

	@GetMapping("/api/v1/contact-lists/preferences/{customerId}")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER', 'AGENT', 'ADMIN')")
	@Operation(summary = "A customer's contact preferences: do-not-contact and marketing consent")
	Map<String, Object> preference(@PathVariable String customerId) {
		return this.lists.preference(customerId);
	}

	@PutMapping("/api/v1/contact-lists/preferences/{customerId}")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER', 'AGENT')")
	@Operation(summary = "Set a customer's do-not-contact flag and consent",
			description = "Body: {\"doNotContact\": true, \"consent\": false}.")
	Map<String, Object> setPreference(@PathVariable String customerId, @RequestBody Map<String, Boolean> body) {
		return this.lists.setPreference(customerId, Boolean.TRUE.equals(body.get("doNotContact")),
				!Boolean.FALSE.equals(body.get("consent")), Actor.require().username());
	}

	static Map<String, Object> view(Campaign c) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", c.id());
		view.put("name", c.name());
		view.put("description", c.description());
		view.put("kind", c.kind());
		view.put("status", c.status().code());
		view.put("filter", c.filter());
		view.put("playbookIds", c.playbookIds());
		view.put("action", c.action());
		view.put("channel", c.channel());
		view.put("costPerContact", c.costPerContact());
		view.put("baselineRetention", c.baselineRetention());
		view.put("expectedUplift", c.expectedUplift());
		view.put("minControlShare", c.minControlShare());
		view.put("observationDays", c.observationDays());
		view.put("controlSize", c.controlSize());
		view.put("seed", c.seed());
		view.put("startAt", c.startAt());
		view.put("createdAt", c.createdAt());
		view.put("createdBy", c.createdBy());
		view.put("submittedAt", c.submittedAt());
		view.put("decidedAt", c.decidedAt());
		view.put("decidedBy", c.decidedBy());
		view.put("decisionNote", c.decisionNote());
		view.put("launchedAt", c.launchedAt());
		view.put("finishedAt", c.finishedAt());
		return view;
	}

	private static String note(Map<String, String> body) {
		return (body != null) ? body.get("note") : null;
	}

}
