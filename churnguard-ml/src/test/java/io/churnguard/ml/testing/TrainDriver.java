package io.churnguard.ml.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.churnguard.ml.model.Algorithm;
import io.churnguard.ml.model.ChurnTableTraining;
import io.churnguard.ml.model.TrainingOutcome;
import io.churnguard.ml.model.TrainingRequest;

/**
 * A test-only command line for trying the training facade by hand, shaped like
 * {@code ./churnguard train}: {@code FILE LABEL POSITIVE EXCLUDE(a,b|-) ALGORITHM CV
 * [HOLDOUT] [SEED]}; {@code -Dreport=FILE} also writes the HTML report.
 */
public final class TrainDriver {

	private TrainDriver() {
	}

	public static void main(String[] args) throws Exception {
		TrainingRequest request = TrainingRequest.ofFile(Path.of(args[0]), args[1])
			.withPositive(args[2])
			.withExclude(args[3].equals("-") ? List.of() : Arrays.asList(args[3].split(",")))
			.withAlgorithm(Algorithm.parse(args[4]))
			.withCv(Integer.parseInt(args[5]))
			.withHoldout((args.length > 6) ? Double.parseDouble(args[6]) : 0)
			.withSeed((args.length > 7) ? Long.parseLong(args[7]) : 0);
		long start = System.nanoTime();
		TrainingOutcome outcome = ChurnTableTraining.train(request);
		System.err.printf("took %.1f s%n", (System.nanoTime() - start) / 1e9);
		String report = System.getProperty("report");
		if (report != null) {
			java.nio.file.Files.writeString(Path.of(report), io.churnguard.ml.report.HtmlReport.render(outcome));
		}
		System.out.println(
				new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(outcome.result()));
	}

}
