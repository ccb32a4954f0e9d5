package io.churnguard.app.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.churnguard.app.retention.CampaignOperations;
import io.churnguard.app.retention.UpliftTrainingRequest;
import io.churnguard.app.security.Actor;
import io.churnguard.app.security.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

@Command(name = "campaign", mixinStandardHelpOptions = true,
		description = { "Campaigns, their evaluation, uplift models and targeting plans, on the workspace's database.",
				"Results as JSON on stdout, progress on stderr. The command line acts as a retention head "
						+ "(its audit records name the operating-system user as cli:<user>)." },
		subcommands = { CampaignCommand.ListCampaigns.class, CampaignCommand.Evaluate.class,
				CampaignCommand.UpliftTrain.class, CampaignCommand.UpliftModels.class, CampaignCommand.Target.class })
final class CampaignCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	/**
	 * The operator at the command line: trusted like a retention head, audited by name.
	 */
	static Actor operator() {
		return new Actor(Cli.actor(), Role.RETENTION_HEAD, null, null);
	}

	/** Options and plumbing every subcommand shares. */
	abstract static class Sub implements Callable<Integer> {

		@Option(names = "--data-dir", description = "Workspace directory (default: ./data).")
		Path dataDir;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		int run(String progress, Function<CampaignOperations, Object> operation) {
			List<String> arguments = new ArrayList<>();
			if (this.dataDir != null) {
				arguments.add("--churnguard.data-dir=" + this.dataDir);
			}
			try (ConfigurableApplicationContext context = SpringLauncher.headless(arguments)) {
				if (progress != null) {
					this.spec.commandLine().getErr().println(progress);
				}
				Object result = operation.apply(context.getBean(CampaignOperations.class));
				this.spec.commandLine().getOut().println(Json.pretty(result));
				return 0;
			}
			catch (IllegalArgumentException | IllegalStateException | NoSuchElementException ex) {
				// The campaign or model refused: say why, without a stack trace.
				this.spec.commandLine().getErr().println("campaign: " + ex.getMessage());
				return 1;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Campaigns, newest first.")
	static final class ListCampaigns extends Sub {

		@Override
		public Integer call() {
			return run(null, CampaignOperations::campaigns);
		}

	}

	@Command(name = "evaluate", mixinStandardHelpOptions = true,
			description = "A campaign's evaluation: retention treated vs control, uplift with its 95 %% interval and "
					+ "p-value, cost, saved value and ROI, overall and by grade, risk band, channel, owner and action.")
	static final class Evaluate extends Sub {

		@Parameters(index = "0", description = "The campaign id.")
		long id;

		@Override
		public Integer call() {
			return run(null, operations -> operations.evaluation(this.id));
		}

	}

	@Command(name = "uplift-train", mixinStandardHelpOptions = true,
			description = { "Train an uplift model from finished campaigns and store it versioned.",
					"Prints the model with each action's Qini coefficient, AUUC and curves on held-out members." })
	static final class UpliftTrain extends Sub {

		@Option(names = "--campaigns", required = true, split = ",", description = "Campaign ids, e.g. 1,2.")
		List<Long> campaigns;

		@Option(names = "--learner", defaultValue = "x", description = "x (X-learner, default) or two (two-model).")
		String learner;

		@Option(names = "--holdout", description = "Share of members held out for Qini and AUUC (default: 0.3).")
		Double holdout;

		@Option(names = "--seed", description = "Seed of the split and the boosters (default: 7).")
		Long seed;

		@Override
		public Integer call() {
			UpliftTrainingRequest request;
			try {
				request = new UpliftTrainingRequest(this.campaigns, this.learner, this.holdout, this.seed);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
			}
			return run("training an uplift model from campaigns " + request.campaignIds() + " …",
					operations -> operations.trainUplift(request, operator()));
		}

	}

	@Command(name = "uplift-models", mixinStandardHelpOptions = true, description = "Uplift models, newest first.")
	static final class UpliftModels extends Sub {

		@Override
		public Integer call() {
			return run(null, CampaignOperations::upliftModels);
		}

	}

	@Command(name = "target", mixinStandardHelpOptions = true,
			description = { "Plan a draft campaign's targeting for a budget with an uplift model.",
					"Prints the plan: contacts, do-not-contact list, and the expected saved customers and value next "
							+ "to risk targeting's for the same budget. --apply makes it the campaign's target list." })
	static final class Target extends Sub {

		@Parameters(index = "0", description = "The campaign id.")
		long id;

		@Option(names = "--budget", required = true, description = "The most the contacts may cost (CNY).")
		BigDecimal budget;

		@Option(names = "--model", description = "The uplift model id (default: the latest).")
		String model;

		@Option(names = "--apply", description = "Apply the plan to the campaign's target list.")
		boolean apply;

		@Override
		public Integer call() {
			return run("planning campaign " + this.id + " for a budget of " + this.budget + " …", operations -> {
				Map<String, Object> plan = operations.planTargeting(this.id, this.budget, this.model, operator());
				if (!this.apply) {
					return plan;
				}
				Map<String, Object> both = new java.util.LinkedHashMap<>(plan);
				both.put("applied",
						operations.applyTargeting(this.id, ((Number) plan.get("planId")).longValue(), operator()));
				return both;
			});
		}

	}

}
