package io.churnguard.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.churnguard.ml.data.Frame;
import io.churnguard.ml.model.ModelArtifact;
import io.churnguard.ml.model.ModelEvaluation;
import io.churnguard.ml.model.Scorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
		"Evaluate a trained model on a labelled table. Prints the same JSON measures as train's holdout: "
				+ "auc (with its 95 %% interval), accuracy, precision, recall, f1, confusion, logloss, brier, topDecileLift …" })
final class EvaluateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, description = "The model directory written by train --out.")
	Path model;

	@Option(names = "--data", required = true, description = "The labelled table (CSV).")
	Path data;

	@Option(names = "--label", required = true, description = "The label column.")
	String label;

	@Option(names = "--positive", description = "The label value that means churn (default: the model's).")
	String positive;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		ModelArtifact artifact = ModelArtifact.load(this.model);
		Frame frame = Scorer.read(artifact, this.data);
		this.spec.commandLine()
			.getOut()
			.println(Json.pretty(ModelEvaluation.evaluate(artifact, frame, this.label, this.positive).summary()));
		return 0;
	}

}
