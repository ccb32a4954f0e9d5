package io.churnguard.app.retention.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of uplift models and their training, shared by the API and the CLI. */
final class UpliftViews {

	private UpliftViews() {
	}

	static Map<String, Object> trained(TrainingUpliftModel.Trained trained) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("model", trained.model());
		view.put("members", trained.members());
		view.put("withoutFeatures", trained.withoutFeatures());
		view.put("skippedActions", trained.skippedActions());
		view.put("evaluation", trained.evaluations());
		view.put("elapsedMs", trained.elapsedMs());
		return view;
	}

	static Map<String, Object> model(UpliftModels.UpliftModelVersion model, Map<String, Object> details) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("model", model);
		view.putAll(details);
		return view;
	}

}
