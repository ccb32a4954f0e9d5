package io.churnguard.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.churnguard.app.scoring.ArchiveTraining;
import io.churnguard.app.scoring.ArchiveTrainingRequest;
import io.churnguard.app.scoring.ModelRegistry;
import io.churnguard.app.scoring.ModelVersion;
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

	@Option(names = "--data", description = "The training table (CSV).")
	Path data;

	@Option(names = "--label", description = "The label column (with --data).")
	String label;

	@Option(names = "--from-db", description = "Train from the archive's events with the feature engine's training-set "
			+ "builder, and register the model (champion when it is the first).")
	boolean fromDb;

	@Option(names = "--horizon-days", defaultValue = "90",
			description = "With --from-db: the label window (default: 90).")
	int horizonDays;

	@Option(names = "--lead-days", defaultValue = "14",
			description = "With --from-db: days between an observation and its label window (default: 14).")
	int leadDays;

	@Option(names = "--every-days", defaultValue = "30",
			description = "With --from-db: days between observation dates (default: 30).")
	int everyDays;

	@Option(names = "--churn-definition", defaultValue = "churn-event", description = "With --from-db: churn-event "
			+ "(default), churn-event-or-contract-end, or inactivity:<days> for businesses without contracts.")
	String churnDefinition;

	@Option(names = "--promote", description = "With --from-db: make the new model the champion.")
	boolean promote;

	@Option(names = "--data-dir", description = "With --from-db: the workspace (default: ./data).")
	Path dataDir;

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
		if (this.fromDb) {
			return trainFromArchive();
		}
		if (this.data == null || this.label == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"give --data F.csv and --label COL, or --from-db to train from the archive");
		}
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

	private int trainFromArchive() {
		List<String> arguments = new java.util.ArrayList<>();
		if (this.dataDir != null) {
			arguments.add("--churnguard.data-dir=" + this.dataDir);
		}
		try (var context = SpringLauncher.headless(arguments)) {
			ArchiveTraining training = context.getBean(ArchiveTraining.class);
			this.spec.commandLine().getErr().println("Building the training set from the archive and training ...");
			ArchiveTraining.Trained trained = training.train(new ArchiveTrainingRequest(java.time.LocalDate.now(),
					this.horizonDays, this.leadDays, this.everyDays, 90, this.churnDefinition, this.algorithm,
					(this.cv > 0) ? this.cv : 5, this.seed,
					this.exclude.isEmpty() ? ArchiveTrainingRequest.NOT_POINT_IN_TIME : this.exclude, Cli.actor()));
			ModelVersion model = trained.model();
			if (this.promote && !model.isChampion()) {
				model = context.getBean(ModelRegistry.class).promote(model.id(), Cli.actor());
			}
			this.spec.commandLine()
				.getErr()
				.printf("Registered %s (%s) from %,d training rows in %.1f s%n", model.name(), model.status(),
						trained.trainingRows(), trained.elapsedMs() / 1000.0);
			java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
			out.put("model", model);
			out.put("trainingRows", trained.trainingRows());
			out.put("result", trained.result());
			this.spec.commandLine().getOut().println(Json.pretty(out));
			return 0;
		}
	}

}
