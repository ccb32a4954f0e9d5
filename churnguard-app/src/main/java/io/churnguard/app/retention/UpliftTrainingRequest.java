package io.churnguard.app.retention;

import java.util.List;
import java.util.Locale;

/**
 * What to train an uplift model on: finished campaigns whose members' observation windows
 * have ended.
 *
 * @param campaignIds the campaigns, at least one
 * @param learner {@code x} (X-learner, the default) or {@code two} (two-model)
 * @param holdoutShare the share of members held out to measure Qini and AUUC, default 0.3
 * @param seed the seed of the split and the boosters, default 7
 */
public record UpliftTrainingRequest(List<Long> campaignIds, String learner, Double holdoutShare, Long seed) {

	public UpliftTrainingRequest {
		if (campaignIds == null || campaignIds.isEmpty()) {
			throw new IllegalArgumentException("campaignIds: name the finished campaigns to learn from");
		}
		campaignIds = campaignIds.stream().distinct().sorted().toList();
		learner = normalizedLearner(learner);
		holdoutShare = (holdoutShare != null) ? holdoutShare : 0.3;
		if (holdoutShare < 0.1 || holdoutShare > 0.5) {
			throw new IllegalArgumentException("holdoutShare must be between 0.1 and 0.5");
		}
		seed = (seed != null) ? seed : 7L;
	}

	/** {@code X_LEARNER} or {@code TWO_MODEL}. */
	private static String normalizedLearner(String learner) {
		String value = (learner != null) ? learner.strip().toLowerCase(Locale.ROOT).replace('_', '-') : "x";
		return switch (value) {
			case "", "x", "x-learner", "xlearner" -> "X_LEARNER";
			case "two", "two-model", "t", "t-learner" -> "TWO_MODEL";
			default -> throw new IllegalArgumentException("learner must be x (X-learner) or two (two-model)");
		};
	}

}
