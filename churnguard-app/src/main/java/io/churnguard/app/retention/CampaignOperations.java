package io.churnguard.app.retention;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.churnguard.app.security.Actor;

/**
 * The retention module's campaign and uplift operations for callers outside a web request
 * — the command line. Each runs the same use case as the API, with its permission checks
 * and audit; results are JSON-ready maps and records.
 */
public interface CampaignOperations {

	/** Campaigns, newest first. */
	List<Map<String, Object>> campaigns();

	/** A campaign's evaluation: effect, interval, p-value, ROI, by dimension. */
	Object evaluation(long campaignId);

	/** Trains and stores an uplift model; the result carries its Qini and AUUC. */
	Map<String, Object> trainUplift(UpliftTrainingRequest request, Actor actor);

	/** Stored uplift models, newest first. */
	List<?> upliftModels();

	/**
	 * Plans a campaign's targeting for a budget and stores the plan.
	 * @param modelId the uplift model, or null for the latest
	 */
	Map<String, Object> planTargeting(long campaignId, BigDecimal budget, String modelId, Actor actor);

	/** Makes a stored plan the campaign's target list. */
	Map<String, Object> applyTargeting(long campaignId, long planId, Actor actor);

}
