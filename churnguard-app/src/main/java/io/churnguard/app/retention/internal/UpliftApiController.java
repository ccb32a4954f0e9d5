package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.churnguard.app.retention.UpliftTrainingRequest;
import io.churnguard.app.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Uplift models and targeting plans through the API. */
@RestController
@Tag(name = "Uplift", description = "Uplift models learned from finished campaigns (Qini, AUUC) and targeting plans "
		+ "that spend a campaign's budget where the expected saved value is largest")
class UpliftApiController {

	private final TrainingUpliftModel training;

	private final UpliftModels models;

	private final PlanningTargeting planning;

	private final ApplyingTargetingPlan applying;

	private final TargetingPlans plans;

	private final Campaigns campaigns;

	UpliftApiController(TrainingUpliftModel training, UpliftModels models, PlanningTargeting planning,
			ApplyingTargetingPlan applying, TargetingPlans plans, Campaigns campaigns) {
		this.training = training;
		this.models = models;
		this.planning = planning;
		this.applying = applying;
		this.plans = plans;
		this.campaigns = campaigns;
	}

	@PostMapping("/api/v1/uplift-models")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Train an uplift model from finished campaigns (retention head, analysts)",
			description = "Body: {\"campaignIds\": [1, 2], \"learner\": \"x\" | \"two\", \"holdoutShare\": 0.3, "
					+ "\"seed\": 7}. Treated vs control members, outcome = churned within the campaign's observation "
					+ "window, features as of each member's enrolment day; one model per action, measured on the "
					+ "held-out members (Qini coefficient, AUUC and curves). The campaigns must be finished with every "
					+ "observation window ended.")
	Map<String, Object> train(@RequestBody UpliftTrainingRequest request) {
		return UpliftViews.trained(this.training.train(request, RetentionAccess.user()));
	}

	@GetMapping("/api/v1/uplift-models")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "Uplift models, newest first, with the headline action's Qini coefficient and AUUC")
	List<UpliftModels.UpliftModelVersion> list() {
		return this.models.list();
	}

	@GetMapping("/api/v1/uplift-models/{id}")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "An uplift model with each action's held-out evaluation and Qini and uplift curves",
			description = "evaluation[].curve: share targeted (0–1), Qini curve and uplift curve at 101 points.")
	Map<String, Object> model(@PathVariable String id) {
		return UpliftViews.model(this.models.require(id), this.models.details(id));
	}

	@PostMapping("/api/v1/campaigns/{id}/targeting")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a campaign's targeting for a budget (retention head, analysts, the campaign's author)",
			description = "Body: {\"budget\": 5000, \"upliftModelId\": \"up-…\" (default: the latest)}. Scores the "
					+ "segment's contactable customers with the uplift model and the champion churn model, chooses "
					+ "customers and actions by expected saved value P(churn) × uplift × value − cost within the "
					+ "budget, lists the customers not to contact (negative uplift for every action), and compares "
					+ "with risk targeting for the same budget. The plan is stored; apply it to make it the list.")
	Map<String, Object> plan(@PathVariable long id, @RequestBody Map<String, Object> body) {
		Object budget = body.get("budget");
		if (budget == null) {
			throw new IllegalArgumentException("budget is required");
		}
		Object model = body.get("upliftModelId");
		return this.planning.plan(id, new BigDecimal(budget.toString()), (model != null) ? model.toString() : null,
				RetentionAccess.user());
	}

	@GetMapping("/api/v1/campaigns/{id}/targeting")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "The campaign's latest targeting plan")
	Map<String, Object> latest(@PathVariable long id) {
		this.campaigns.require(id);
		return this.plans.latest(id).orElseThrow(() -> new NoSuchElementException("campaign " + id + " has no plan"));
	}

	@GetMapping("/api/v1/campaigns/{id}/targeting/{planId}")
	@PreAuthorize(RetentionAccess.READERS)
	@Operation(summary = "A targeting plan")
	Map<String, Object> plan(@PathVariable long id, @PathVariable long planId) {
		return this.plans.require(id, planId);
	}

	@PostMapping("/api/v1/campaigns/{id}/targeting/{planId}/apply")
	@Operation(summary = "Make a plan the campaign's target list (the author or a retention head, draft or rejected)",
			description = "At launch the list is the filter restricted to the plan's customers, each with the "
					+ "plan's action; the black list, do-not-contact, consent and frequency policies are checked and "
					+ "the control group is held out as for any campaign.")
	Map<String, Object> apply(@PathVariable long id, @PathVariable long planId) {
		return this.applying.apply(id, planId, Actor.require());
	}

}
