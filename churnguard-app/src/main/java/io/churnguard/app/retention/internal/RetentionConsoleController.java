package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.churnguard.app.retention.ContactOutcome;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import io.churnguard.app.security.UserDirectory;
import io.churnguard.app.web.PageJson;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention pages: playbooks (挽留策略), campaigns (营销活动) with their design, approval,
 * lists and tasks, my tasks for agents, the campaign report and the contact lists.
 */
@Controller
class RetentionConsoleController {

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

	private final UserDirectory users;

	private final RetentionProperties properties;

	private final TargetingPlans plans;

	private final UpliftModels upliftModels;

	RetentionConsoleController(Playbooks playbooks, Campaigns campaigns, CampaignQueries queries,
			DesigningCampaign designing, ApprovingCampaign approving, LaunchingCampaign launching, Tasks tasks,
			RecordingContactOutcome recording, EvaluatingCampaign evaluating, ContactLists lists,
			CampaignPreview preview, UserDirectory users, RetentionProperties properties, TargetingPlans plans,
			UpliftModels upliftModels) {
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
		this.users = users;
		this.properties = properties;
		this.plans = plans;
		this.upliftModels = upliftModels;
	}

	@GetMapping("/playbooks")
	String playbooks(@RequestParam(required = false) Long edit, Model model) {
		RetentionAccess.user();
		model.addAttribute("playbooks", this.playbooks.all());
		model.addAttribute("editing", (edit != null) ? this.playbooks.find(edit) : null);
		model.addAttribute("channels", Channels.ALL);
		model.addAttribute("ownerRoles", List.of("AGENT", "SALES_MANAGER", "SERVICE_MANAGER", "RETENTION_HEAD"));
		return "retention/playbooks";
	}

	@PostMapping("/playbooks")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String savePlaybook(@RequestParam(required = false) Long id, @RequestParam String name,
			@RequestParam(required = false) String churnReason, @RequestParam(required = false) String segment,
			@RequestParam(required = false) String grade, @RequestParam String action, @RequestParam String channel,
			@RequestParam(required = false) BigDecimal cost, @RequestParam String scriptZh,
			@RequestParam String scriptEn, @RequestParam String ownerRole,
			@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
		return attempt(redirect, "playbooks.saved", "redirect:/playbooks",
				() -> this.playbooks.save(id, new Playbook.Input(name, churnReason, segment, grade, action, channel,
						cost, scriptZh, scriptEn, ownerRole, enabled), Actor.require().username()));
	}

	@GetMapping("/campaigns")
	@PreAuthorize(RetentionAccess.READERS)
	String campaigns(Model model) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Campaign campaign : this.campaigns.all()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("campaign", campaign);
			row.put("groups", this.queries.groups(campaign.id()));
			rows.add(row);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("playbooks", this.playbooks.all());
		model.addAttribute("channels", Channels.ALL);
		model.addAttribute("defaults", this.properties);
		return "retention/campaigns";
	}

	@PostMapping("/campaigns")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String create(@RequestParam String name, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "batch") String kind, @RequestParam(required = false) String provinces,
			@RequestParam(required = false) List<String> grades, @RequestParam(required = false) String plans,
			@RequestParam(required = false) List<String> riskBands,
			@RequestParam(required = false) Integer maxWarningLevel,
			@RequestParam(required = false) Double minProbability,
			@RequestParam(required = false) List<Long> playbookIds, @RequestParam(required = false) String action,
			@RequestParam(required = false) String channel, @RequestParam(required = false) BigDecimal costPerContact,
			@RequestParam(required = false) Double baselineRetention,
			@RequestParam(required = false) Double expectedUplift,
			@RequestParam(required = false) Double minControlShare,
			@RequestParam(required = false) Integer observationDays, RedirectAttributes redirect) {
		try {
			Campaign campaign = this.designing.create(new Campaign.Input(name, description, kind,
					new TargetFilter(split(provinces), grades, split(plans), null, riskBands, minProbability,
							maxWarningLevel),
					playbookIds, action, channel, costPerContact, baselineRetention, expectedUplift, minControlShare,
					observationDays, null), Actor.require());
			redirect.addFlashAttribute("notice", "campaigns.created");
			return "redirect:/campaigns/" + campaign.id();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/campaigns";
		}
	}

	@GetMapping("/campaigns/{id}")
	@PreAuthorize(RetentionAccess.READERS)
	String campaign(@PathVariable long id, Model model) {
		Actor actor = Actor.require();
		Campaign campaign = this.campaigns.require(id);
		model.addAttribute("c", campaign);
		model.addAttribute("groups", this.queries.groups(id));
		model.addAttribute("split", this.queries.split(id));
		model.addAttribute("members", this.queries.members(id, actor, null, 50));
		model.addAttribute("tasks", this.tasks.visible(actor, id, null, 200));
		model.addAttribute("playbookNames",
				this.playbooks.all()
					.stream()
					.filter(p -> campaign.playbookIds().contains(p.id()))
					.map(Playbook::name)
					.toList());
		if (!campaign.triggered()
				&& (campaign.status() != CampaignStatus.RUNNING && campaign.status() != CampaignStatus.FINISHED)) {
			model.addAttribute("preview", this.preview.of(campaign));
		}
		boolean author = actor.username().equals(campaign.createdBy());
		boolean head = actor.hasRole(Role.RETENTION_HEAD);
		boolean anotherHead = this.users.withRole(Role.RETENTION_HEAD)
			.stream()
			.anyMatch(h -> !h.username().equals(actor.username()));
		model.addAttribute("mayEdit", (author || head) && campaign.status().editable());
		model.addAttribute("mayDecide",
				new CampaignApproval()
					.check(actor.username(), actor.role(), campaign.status(), campaign.createdBy(), anotherHead)
					.allowed());
		model.addAttribute("mayLaunch", (author || head) && campaign.status() == CampaignStatus.SCHEDULED);
		model.addAttribute("mayFinish", (author || head) && campaign.status() == CampaignStatus.RUNNING);
		boolean plannable = !campaign.triggered() && campaign.status() != CampaignStatus.RUNNING
				&& campaign.status() != CampaignStatus.FINISHED;
		model.addAttribute("mayPlan", plannable && (author || head || actor.hasRole(Role.ANALYST)));
		if (plannable) {
			model.addAttribute("targeting", UpliftConsoleController.section(campaign, this.plans, this.upliftModels));
		}
		return "retention/campaign";
	}

	@PostMapping("/campaigns/{id}/submit")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "campaigns.submitted", "redirect:/campaigns/" + id,
				() -> this.designing.submit(id, Actor.require()));
	}

	@PostMapping("/campaigns/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return attempt(redirect, "campaigns.approved", "redirect:/campaigns/" + id,
				() -> this.approving.approve(id, note, Actor.require()));
	}

	@PostMapping("/campaigns/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return attempt(redirect, "campaigns.rejected", "redirect:/campaigns/" + id,
				() -> this.approving.reject(id, note, Actor.require()));
	}

	@PostMapping("/campaigns/{id}/launch")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String launch(@PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "campaigns.launched", "redirect:/campaigns/" + id,
				() -> this.launching.launch(id, Actor.require()));
	}

	@PostMapping("/campaigns/{id}/finish")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String finish(@PathVariable long id, RedirectAttributes redirect) {
		return attempt(redirect, "campaigns.finished", "redirect:/campaigns/" + id,
				() -> this.designing.finish(id, Actor.require()));
	}

	@GetMapping("/campaigns/{id}/report")
	@PreAuthorize(RetentionAccess.READERS)
	String report(@PathVariable long id, Model model) {
		EvaluatingCampaign.Report report = this.evaluating.evaluate(id);
		model.addAttribute("r", report);
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("all", series(List.of(report.overall())));
		report.by().forEach((dimension, groups) -> charts.put(dimension, series(groups)));
		model.addAttribute("chartJson", PageJson.write(charts));
		return "retention/report";
	}

	@GetMapping("/tasks")
	String myTasks(@RequestParam(defaultValue = "open") String status, Model model) {
		Actor actor = RetentionAccess.user();
		model.addAttribute("tasks", this.tasks.visible(actor, null, status.equals("all") ? null : status, 500));
		model.addAttribute("status", status);
		model.addAttribute("outcomes", ContactOutcome.values());
		return "retention/tasks";
	}

	@PostMapping("/tasks/{id}/outcome")
	String recordOutcome(@PathVariable long id, @RequestParam String outcome,
			@RequestParam(required = false) String notes, RedirectAttributes redirect) {
		return attempt(redirect, "tasks.recorded", "redirect:/tasks",
				() -> this.recording.record(id, ContactOutcome.fromCode(outcome),
						(notes != null && !notes.isBlank()) ? notes : null, RetentionAccess.user()));
	}

	@GetMapping("/contact-lists")
	@PreAuthorize("hasAnyRole('RETENTION_HEAD', 'SALES_MANAGER', 'SERVICE_MANAGER', 'ADMIN')")
	String contactLists(Model model) {
		model.addAttribute("black", this.lists.list("black"));
		model.addAttribute("white", this.lists.list("white"));
		return "retention/contact-lists";
	}

	@PostMapping("/contact-lists")
	@PreAuthorize(RetentionAccess.DESIGNERS)
	String addToList(@RequestParam String kind, @RequestParam String customerIds,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return attempt(redirect, "lists.added", "redirect:/contact-lists",
				() -> this.lists.add(kind, split(customerIds), reason, Actor.require().username()));
	}

	private static Map<String, Object> series(List<EvaluatingCampaign.Group> groups) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("labels", groups.stream().map(EvaluatingCampaign.Group::value).toList());
		series.put("treated", groups.stream().map(g -> percent(g.effect().treatedRate())).toList());
		series.put("control", groups.stream().map(g -> percent(g.effect().controlRate())).toList());
		series.put("uplift", groups.stream().map(g -> percent(g.effect().uplift())).toList());
		series.put("ciLow", groups.stream().map(g -> percent(g.effect().ciLow())).toList());
		series.put("ciHigh", groups.stream().map(g -> percent(g.effect().ciHigh())).toList());
		return series;
	}

	private static double percent(double rate) {
		return Math.round(rate * 1000) / 10.0;
	}

	private static List<String> split(String values) {
		if (values == null || values.isBlank()) {
			return List.of();
		}
		return Arrays.stream(values.split("[,，\\s]+")).filter(v -> !v.isBlank()).toList();
	}

	/**
	 * Runs a console action; a refusal comes back to the page as a message, not an error
	 * page.
	 */
	private static String attempt(RedirectAttributes redirect, String notice, String target, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return target;
	}

}
