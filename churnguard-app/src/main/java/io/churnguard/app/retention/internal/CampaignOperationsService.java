package io.churnguard.app.retention.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.churnguard.app.retention.CampaignOperations;
import io.churnguard.app.retention.UpliftTrainingRequest;
import io.churnguard.app.security.Actor;

import org.springframework.stereotype.Service;

/** {@link CampaignOperations} over the module's use cases. */
@Service
class CampaignOperationsService implements CampaignOperations {

	private final Campaigns campaigns;

	private final EvaluatingCampaign evaluating;

	private final TrainingUpliftModel training;

	private final UpliftModels models;

	private final PlanningTargeting planning;

	private final ApplyingTargetingPlan applying;

	CampaignOperationsService(Campaigns campaigns, EvaluatingCampaign evaluating, TrainingUpliftModel training,
			UpliftModels models, PlanningTargeting planning, ApplyingTargetingPlan applying) {
		this.campaigns = campaigns;
		this.evaluating = evaluating;
		this.training = training;
		this.models = models;
		this.planning = planning;
		this.applying = applying;
	}

	@Override
	public List<Map<String, Object>> campaigns() {
		return this.campaigns.all().stream().map(RetentionApiController::view).toList();
	}

	@Override
	public Object evaluation(long campaignId) {
		return this.evaluating.evaluate(campaignId);
	}

	@Override
	public Map<String, Object> trainUplift(UpliftTrainingRequest request, Actor actor) {
		return UpliftViews.trained(this.training.train(request, actor));
	}

	@Override
	public List<?> upliftModels() {
		return this.models.list();
	}

	@Override
	public Map<String, Object> planTargeting(long campaignId, BigDecimal budget, String modelId, Actor actor) {
		return this.planning.plan(campaignId, budget, modelId, actor);
	}

	@Override
	public Map<String, Object> applyTargeting(long campaignId, long planId, Actor actor) {
		return this.applying.apply(campaignId, planId, actor);
	}

}
