package io.churnguard.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.churnguard.ml.model.Algorithm;
import io.churnguard.ml.model.ChurnTableTraining;
import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.model.TrainingRequest;
import io.churnguard.ml.report.HtmlReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = {
		"Train a churn model on a table (CSV, UTF-8 or GBK, any columns: \"bring your own churn table\").",
		"Prints ONE JSON object on stdout: algorithm, rows, features, cv (with --cv: fold means of auc, accuracy, "
				+ "logloss, brier, topDecileLift …), holdout (with --holdout: the same keys), and notes.",
		"--algorithm auto compares logistic regression, gradient boosting and their blend by cross-validated AUC "
				+ "and says which it chose." })
final class TrainCommand implements Callable<Integer> {

	@Option(names = "--data", required = true, description = "The training table (CSV).")
	Path data;

	@Option(names = "--label", required = true, description = "The label column.")
	String label;

	@Option(names = "--positive",
			description = "The label value that means churn (default: inferred, e.g. Yes, 1, true).")
	String positive;

	@Option(names = "--exclude", split = ",",
			description = "Columns not to learn from, e.g. an id or a leaking column.")
	List<String> exclude = List.of();

	@Option(names = "--algorithm", defaultValue = "auto", description = "auto (default), lr, gbdt or blend.")
	String algorithm;

	@Option(names = "--cv", defaultValue = "0", description = "Folds of stratified cross-validation (0: none).")
	int cv;

	@Option(names = "--holdout", defaultValue = "0",
			description = "Share of rows held out for a final test, e.g. 0.2 (0: none).")
	double holdout;

	@Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: 0).")
	long seed;

	@Option(names = "--out", description = "Directory to save the model to (model.json and XGBoost UBJSON files).")
	Path out;

	@Option(names = "--report", description = "Write the HTML validation report to this file.")
	Path report;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		if (!Files.isReadable(this.data)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "cannot read " + this.data);
		}
		TrainingRequest request;
		try {
			request = TrainingRequest.ofFile(this.data, this.label)
				.withPositive(this.positive)
				.withExclude(this.exclude)
				.withAlgorithm(Algorithm.parse(this.algorithm))
				.withCv(this.cv)
				.withHoldout(this.holdout)
				.withSeed(this.seed);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		this.spec.commandLine().getErr().println("Training on " + this.data + " ...");
		long started = System.nanoTime();
		TrainingOutcome outcome = ChurnTableTraining.train(request);
		this.spec.commandLine()
			.getErr()
			.printf("Trained %s in %.1f s%n", outcome.result().algorithm(), (System.nanoTime() - started) / 1e9);
		if (this.out != null) {
			outcome.artifact().save(this.out);
			this.spec.commandLine().getErr().println("Saved the model to " + this.out.toAbsolutePath());
		}
		if (this.report != null) {
			Files.writeString(this.report, HtmlReport.render(outcome), StandardCharsets.UTF_8);
			this.spec.commandLine().getErr().println("Wrote the report to " + this.report.toAbsolutePath());
		}
		this.spec.commandLine().getOut().println(Json.pretty(outcome.result()));
		return 0;
	}

}
