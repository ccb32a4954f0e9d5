package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.churnguard.app.retention.UpliftTrainingRequest;
import io.churnguard.app.security.Actor;
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
 * The uplift pages: the models with their Qini curves (增量模型) and training them from
 * finished campaigns, and the targeting form and plan on a campaign's page.
 */
@Controller
class UpliftConsoleController {

	private final UpliftModels models;

	private final TrainingUpliftModel training;

	private final PlanningTargeting planning;

	private final ApplyingTargetingPlan applying;

	private final Campaigns campaigns;

	UpliftConsoleController(UpliftModels models, TrainingUpliftModel training, PlanningTargeting planning,
			ApplyingTargetingPlan applying, Campaigns campaigns) {
		this.models = models;
		this.training = training;
		this.planning = planning;
		this.applying = applying;
		this.campaigns = campaigns;
	}

	@GetMapping("/uplift-models")
	@PreAuthorize(RetentionAccess.READERS)
	String models(@RequestParam(required = false) String id, Model model) {
		List<UpliftModels.UpliftModelVersion> all = this.models.list();
		model.addAttribute("models", all);
		model.addAttribute("finished", this.campaigns.withStatus(CampaignStatus.FINISHED));
		UpliftModels.UpliftModelVersion selected = (id != null) ? this.models.require(id)
				: all.stream().findFirst().orElse(null);
		model.addAttribute("selected", selected);
		if (selected != null) {
			Map<String, Object> details = this.models.details(selected.id());
			model.addAttribute("evaluation", details.get("evaluation"));
			model.addAttribute("chartJson", PageJson.write(details.get("evaluation")));
		}
		return "retention/uplift-models";
	}

	@PostMapping("/uplift-models")
	String train(@RequestParam(required = false) List<Long> campaignIds,
			@RequestParam(defaultValue = "x") String learner, RedirectAttributes redirect) {
		try {
			TrainingUpliftModel.Trained trained = this.training
				.train(new UpliftTrainingRequest(campaignIds, learner, null, null), RetentionAccess.user());
			redirect.addFlashAttribute("notice", "uplift.trained");
			return "redirect:/uplift-models?id=" + trained.model().id();
		}
		catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/uplift-models";
		}
	}

	@PostMapping("/campaigns/{id}/targeting")
	String plan(@PathVariable long id, @RequestParam BigDecimal budget,
			@RequestParam(required = false) String upliftModelId, RedirectAttributes redirect) {
		try {
			this.planning.plan(id, budget, (upliftModelId != null && !upliftModelId.isBlank()) ? upliftModelId : null,
					RetentionAccess.user());
			redirect.addFlashAttribute("notice", "targeting.planned");
		}
		catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "#targeting";
	}

	@PostMapping("/campaigns/{id}/targeting/{planId}/apply")
	String apply(@PathVariable long id, @PathVariable long planId, RedirectAttributes redirect) {
		try {
			this.applying.apply(id, planId, Actor.require());
			redirect.addFlashAttribute("notice", "targeting.applied");
		}
		catch (IllegalArgumentException | IllegalStateException | AccessDeniedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "#targeting";
	}

	/**
	 * What the campaign page shows of targeting: the latest plan and the models to plan
	 * with.
	 */
	static Map<String, Object> section(Campaign campaign, TargetingPlans plans, UpliftModels models) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("plan", plans.latest(campaign.id()).orElse(null));
		section.put("models", models.list());
		section.put("targets", plans.targets(campaign.id()));
		return section;
	}

}
